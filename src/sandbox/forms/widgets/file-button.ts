import { attrs, escapeHtml } from '../../html/escape';
import { controlId, fieldError, labelHtml, PDF_ACCEPT } from '../controls';
import type { FormView, SandboxField } from '../field-types';

/**
 * A file field as a styled "Attach" button: the real input is `hidden` and named only
 * through aria-labelledby; the button opens the file chooser, and the chosen file's
 * name is shown beside it.
 */
export function fileButton(field: SandboxField, view: FormView): string {
  const id = controlId(field);
  const input = `<input${attrs({ type: 'file', id, name: field.name, accept: PDF_ACCEPT, hidden: true, 'aria-labelledby': `${id}_label` })}>`;
  return (
    `<div class="field fb-field" data-fb><span class="q-label" id="${escapeHtml(id)}_label">${labelHtml(field)}</span>` +
    `<div class="fb-row"><button type="button" class="fb-button">Attach</button><span class="fb-name">No file chosen</span>${input}</div>` +
    `${fieldError(field, view)}</div>`
  );
}

export const FILE_BUTTON_SCRIPT = `(function () {
  Array.prototype.forEach.call(document.querySelectorAll('[data-fb]'), function (box) {
    var input = box.querySelector('input[type="file"]');
    box.querySelector('.fb-button').addEventListener('click', function () { input.click(); });
    input.addEventListener('change', function () {
      box.querySelector('.fb-name').textContent = input.files && input.files[0] ? input.files[0].name : 'No file chosen';
    });
  });
})();`;

export const FILE_BUTTON_CSS = `
.fb-row{display:flex;align-items:center;gap:12px}
.fb-button{font-weight:600}
.fb-name{color:#5f6b76;font-size:.9rem}
`;
