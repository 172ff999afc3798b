'use client';

import { useEffect, useRef } from 'react';
import { FieldError, secondaryButtonClass, SelectField, TextField } from '../../_components/form-controls';
import { fieldId, MAX_BOARDS, newBoardRow, type BoardKind, type BoardRow } from './profile-draft';
import { Section, type SectionProps } from './section';

const KINDS: readonly { value: BoardKind; label: string }[] = [
  { value: 'greenhouse', label: 'Greenhouse' },
  { value: 'lever', label: 'Lever' },
];

const BOARD_URL: Record<BoardKind, string> = {
  greenhouse: 'boards.greenhouse.io/',
  lever: 'jobs.lever.co/',
};

function asKind(value: string): BoardKind {
  return value === 'lever' ? 'lever' : 'greenhouse';
}

function BoardFields({
  row,
  index,
  errors,
  onChange,
  onRemove,
}: {
  row: BoardRow;
  index: number;
  errors: SectionProps['errors'];
  onChange: (row: BoardRow) => void;
  onRemove: () => void;
}) {
  const path = `jobSources.${index}`;
  return (
    <fieldset className="rounded border border-slate-300 p-3">
      <legend className="px-1 text-sm font-semibold text-slate-700">Board {index + 1}</legend>
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-start">
        <SelectField
          id={fieldId(`${path}.kind`)}
          label="Board type"
          options={KINDS}
          value={row.kind}
          onChange={(e) => onChange({ ...row, kind: asKind(e.target.value) })}
          error={errors[`${path}.kind`]}
        />
        <TextField
          id={fieldId(`${path}.board`)}
          label="Board name"
          autoComplete="off"
          spellCheck={false}
          value={row.board}
          onChange={(e) => onChange({ ...row, board: e.target.value })}
          error={errors[`${path}.board`]}
        />
        <button type="button" aria-label={`Remove board ${index + 1}`} onClick={onRemove} className={`${secondaryButtonClass} sm:mt-6`}>
          Remove
        </button>
      </div>
      <p className="mt-2 break-all text-sm text-slate-600">
        Searches {BOARD_URL[row.kind]}
        {row.board.trim() || '…'}
      </p>
    </fieldset>
  );
}

/** Greenhouse and Lever boards that runs may search besides the sandbox. */
export function JobBoards({ draft, onChange, errors }: SectionProps) {
  const rows = draft.jobSources;
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<'last-row' | 'add' | null>(null);

  // Keyboard users land on the new row's name, or on "Add" when their row disappears.
  useEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target === 'add') addButton.current?.focus();
    else if (target === 'last-row') document.getElementById(fieldId(`jobSources.${rows.length - 1}.board`))?.focus();
  }, [rows.length]);

  const setRows = (next: BoardRow[]) => onChange({ jobSources: next });
  const full = rows.length >= MAX_BOARDS;

  return (
    <Section
      id="profile-boards"
      title="Job boards"
      intro="Real Greenhouse and Lever boards to search besides the built-in sandbox. The board name is the last part of the board's address."
    >
      {rows.length === 0 ? <p className="text-sm text-slate-700">No boards yet: runs search the sandbox board only.</p> : null}
      <ul className="flex flex-col gap-3">
        {rows.map((row, index) => (
          <li key={row.key}>
            <BoardFields
              row={row}
              index={index}
              errors={errors}
              onChange={(changed) => setRows(rows.map((r) => (r.key === changed.key ? changed : r)))}
              onRemove={() => {
                focusAfter.current = 'add';
                setRows(rows.filter((r) => r.key !== row.key));
              }}
            />
          </li>
        ))}
      </ul>
      <FieldError id={fieldId('jobSources')} message={errors.jobSources} />
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button
          ref={addButton}
          type="button"
          disabled={full}
          onClick={() => {
            focusAfter.current = 'last-row';
            setRows([...rows, newBoardRow()]);
          }}
          className={secondaryButtonClass}
        >
          Add a job board
        </button>
        {full ? <span className="text-sm text-slate-700">At most {MAX_BOARDS} boards.</span> : null}
      </div>
    </Section>
  );
}
