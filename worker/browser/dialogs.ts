import type { Dialog, Page } from 'playwright-core';

export interface DialogWatch {
  /** What alert() and confirm() said since the last call, oldest first. */
  take(): string[];
  stop(): void;
}

/**
 * Catches the page's alert() and confirm() boxes (some forms say what is missing only
 * there): keeps the message and dismisses the box, so that the page goes on and the
 * walker can read why a step did not move on.
 */
export function watchDialogs(page: Page): DialogWatch {
  const said: string[] = [];
  const onDialog = (dialog: Dialog) => {
    const message = dialog.message().replace(/\s+/g, ' ').trim();
    if (message) said.push(message.slice(0, 500));
    dialog.dismiss().catch(() => undefined);
  };
  page.on('dialog', onDialog);
  return { take: () => said.splice(0), stop: () => page.off('dialog', onDialog) };
}
