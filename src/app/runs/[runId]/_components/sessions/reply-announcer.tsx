/**
 * Reads the persona's replies (and the end) to screen-reader users as they arrive,
 * politely: never over what they are reading or typing. The text changes with every
 * reply, so each is read once.
 */
export function ReplyAnnouncer({ text }: { text: string }) {
  return (
    <div aria-live="polite" aria-atomic="true" data-reply-announcer="" className="sr-only">
      {text}
    </div>
  );
}
