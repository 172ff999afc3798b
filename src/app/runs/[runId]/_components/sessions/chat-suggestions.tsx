import { secondaryButtonClass } from '~/app/_components/form-controls';

interface Props {
  suggestions: readonly string[];
  /** Sends the prompt as the user's next message. */
  onPick: (text: string) => void;
  /** Not the user's turn: the buttons stay, and say so when pressed. */
  disabled: boolean;
  label?: string;
}

/** Prompts worth asking next, as buttons: one press sends it, as if typed. */
export function ChatSuggestions({ suggestions, onPick, disabled, label = 'Suggested questions' }: Props) {
  if (suggestions.length === 0) return null;
  return (
    <div role="group" aria-label={label} className="flex flex-wrap gap-2">
      {suggestions.map((text) => (
        <button
          key={text}
          type="button"
          aria-disabled={disabled || undefined}
          onClick={() => onPick(text)}
          className={`${secondaryButtonClass} text-sm aria-disabled:cursor-not-allowed aria-disabled:opacity-60`}
        >
          {text}
        </button>
      ))}
    </div>
  );
}
