'use client';

import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { apiTokenNameSchema, type ApiToken } from '~/shared/api-tokens';
import { api } from '~/trpc/react';
import { apiIssues, isUnreachable, type ApiError } from '../../_components/api-issues';
import { copyText } from '../../_components/copy-text';
import { controlClass, primaryButtonClass, secondaryButtonClass, TextField } from '../../_components/form-controls';
import { Section } from './section';

const NAME_ID = 'api-token-name';
const NEW_ID = 'api-token-new';
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "name: at most 60 characters" reads better without the field's name next to the field. */
const withoutFieldName = (message: string) => message.replace(/^name:\s*/, '');

const unreachable = (error: ApiError) => `Could not reach jobstream: ${error.message}. Check your connection and try again.`;

function When({ iso }: { iso: string }) {
  return <time dateTime={iso}>{DATE.format(new Date(iso))}</time>;
}

/**
 * The token just created, in the only answer that carries it. Dismissing it drops it from
 * memory too (the mutation's data), so nothing on the page can show it again.
 */
function NewToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState('');
  useEffect(() => field.current?.select(), []);

  const selectForCopy = () => {
    field.current?.select();
    setSaid('The token is selected: press Ctrl+C (⌘+C on a Mac) to copy it.');
  };
  const copy = () => void copyText(token).then((copied) => (copied ? setSaid('Copied.') : selectForCopy()));

  return (
    <div role="group" aria-labelledby={`${NEW_ID}-title`} className="mb-4 space-y-2 rounded border border-amber-400 bg-amber-50 p-3">
      <label id={`${NEW_ID}-title`} htmlFor={NEW_ID} className="block font-semibold text-slate-900">
        Your new token “{name}”
      </label>
      <p id={`${NEW_ID}-note`} className="text-sm text-slate-900">
        Copy it now: it will not be shown again. jobstream keeps only a fingerprint of it.
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          ref={field}
          id={NEW_ID}
          aria-describedby={`${NEW_ID}-note`}
          readOnly
          value={token}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          className={`${controlClass} min-w-0 flex-1 font-mono text-sm`}
        />
        <button type="button" onClick={copy} className={secondaryButtonClass}>
          Copy
        </button>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={onDone} className={secondaryButtonClass}>
          I have copied it
        </button>
        <p role="status" className="text-sm text-slate-800">
          {said}
        </p>
      </div>
    </div>
  );
}

/** One listed token, with a second, deliberate click to revoke it (focus starts on Cancel). */
function TokenRow({ token, onRevoked }: { token: ApiToken; onRevoked: (message: string) => void }) {
  const utils = api.useUtils();
  const revoke = api.apiTokens.revoke.useMutation();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  const back = () => {
    setConfirming(false);
    requestAnimationFrame(() => revokeButton.current?.focus());
  };
  const confirm = () => {
    setProblem(null);
    revoke.mutate(
      { id: token.id },
      {
        onSuccess: () => {
          onRevoked(`Revoked “${token.name}”: clients using it can no longer sign in with it.`);
          void utils.apiTokens.list.invalidate();
        },
        onError: (error) => {
          if (error.data?.code === 'NOT_FOUND') {
            // Revoked elsewhere (another tab): the list was out of date, and the wish is granted.
            onRevoked(`“${token.name}” was already revoked.`);
            void utils.apiTokens.list.invalidate();
            return;
          }
          setConfirming(false);
          setProblem(`Could not revoke “${token.name}”: ${isUnreachable(error) ? unreachable(error) : error.message}`);
        },
      },
    );
  };

  return (
    <li className="py-3" data-api-token={token.id}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="break-words font-semibold text-slate-900">{token.name}</p>
          <p className="text-sm text-slate-800">
            <code className="font-mono">jst_{token.prefix}…</code>
          </p>
          <p className="text-sm text-slate-700">
            Created <When iso={token.createdAt} /> · Last used {token.lastUsedAt ? <When iso={token.lastUsedAt} /> : 'never'}
          </p>
        </div>
        {confirming ? null : (
          <button
            ref={revokeButton}
            type="button"
            aria-label={`Revoke “${token.name}”`}
            onClick={() => setConfirming(true)}
            className="rounded border border-red-700 bg-white px-3 py-1 text-sm font-medium text-red-800 hover:bg-red-50"
          >
            Revoke
          </button>
        )}
      </div>
      {confirming ? (
        <div
          role="group"
          aria-labelledby={`revoke-${token.id}`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') back();
          }}
          className="mt-2 flex flex-wrap items-center gap-3 rounded border border-red-300 bg-red-50 p-3"
        >
          <p id={`revoke-${token.id}`} className="text-sm font-semibold text-red-900">
            Revoke “{token.name}”? Clients using it stop working at once.
          </p>
          <button
            type="button"
            onClick={confirm}
            disabled={revoke.isPending}
            className="rounded bg-red-700 px-3 py-1 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
          >
            {revoke.isPending ? 'Revoking…' : 'Yes, revoke'}
          </button>
          <button ref={cancel} type="button" onClick={back} className="rounded border border-slate-500 bg-white px-3 py-1 text-sm font-medium text-slate-900 hover:bg-slate-100">
            Cancel
          </button>
        </div>
      ) : null}
      {problem ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-800">
          {problem}
        </p>
      ) : null}
    </li>
  );
}

/**
 * Personal API tokens for AG-UI clients. A section of its own beside the profile form:
 * creating and revoking take effect at once, like the resume upload.
 */
export function ApiTokens() {
  const utils = api.useUtils();
  const tokens = api.apiTokens.list.useQuery();
  const create = api.apiTokens.create.useMutation();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const statusLine = useRef<HTMLParagraphElement>(null);
  const focusName = () => document.getElementById(NAME_ID)?.focus();
  const revoked = (message: string) => {
    setStatus(message);
    // The row and its buttons are going: the answer is the next thing to read.
    requestAnimationFrame(() => statusLine.current?.focus());
  };

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    setStatus('');
    const parsed = apiTokenNameSchema.safeParse(name);
    if (!parsed.success) {
      setNameError(withoutFieldName(parsed.error.issues[0]?.message ?? ''));
      focusName();
      return;
    }
    setNameError(undefined);
    create.mutate(
      { name: parsed.data },
      {
        onSuccess: () => {
          setName('');
          void utils.apiTokens.list.invalidate();
        },
        onError: (error) => {
          if (isUnreachable(error)) {
            setProblem(unreachable(error));
            return;
          }
          const issues = apiIssues(error);
          const forName = issues.find((i) => i.path === 'name');
          setNameError(forName?.text);
          if (forName) focusName();
          const rest = issues.filter((i) => i !== forName).map((i) => i.text);
          setProblem(rest.length > 0 ? rest.join(' ') : null);
        },
      },
    );
  }

  const fresh = create.data;
  const list = tokens.data ?? [];
  return (
    <Section
      id="profile-api-tokens"
      title="API tokens"
      intro={list.length > 0 ? 'Send a token as “Authorization: Bearer <token>” to POST /api/agui. Revoke any you no longer use.' : undefined}
    >
      {fresh ? (
        <NewToken
          name={fresh.apiToken.name}
          token={fresh.token}
          onDone={() => {
            create.reset();
            focusName();
          }}
        />
      ) : null}

      {tokens.isPending ? (
        <p role="status" className="text-sm text-slate-700">
          Loading your tokens…
        </p>
      ) : tokens.isError ? (
        <div role="alert" className="text-sm text-red-900">
          <p className="font-medium">Your tokens could not be loaded: {tokens.error.message}</p>
          <button type="button" onClick={() => void tokens.refetch()} className={`${secondaryButtonClass} mt-2`}>
            Try again
          </button>
        </div>
      ) : list.length === 0 ? (
        <p className="text-sm text-slate-700">
          You have no API tokens. A token lets an AG-UI client such as CopilotKit start and watch your runs through POST
          /api/agui, as you; treat it like a password.
        </p>
      ) : (
        <ul aria-label="Your API tokens" className="divide-y divide-slate-200">
          {list.map((token) => (
            <TokenRow key={token.id} token={token} onRevoked={revoked} />
          ))}
        </ul>
      )}

      <form noValidate onSubmit={submit} aria-label="Create an API token" className="mt-4 space-y-3">
        <TextField
          id={NAME_ID}
          label="New token’s name"
          hint="Which client will use it, e.g. “CopilotKit on my laptop”."
          value={name}
          maxLength={60}
          autoComplete="off"
          error={nameError}
          onChange={(e) => {
            setName(e.target.value);
            setNameError(undefined);
          }}
        />
        <button type="submit" disabled={create.isPending} className={primaryButtonClass}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
      </form>
      {problem ? (
        <p role="alert" className="mt-2 rounded border border-red-300 bg-red-50 p-2 text-sm font-medium text-red-800">
          {problem}
        </p>
      ) : null}
      <p ref={statusLine} tabIndex={-1} role="status" className="mt-2 min-h-5 text-sm text-slate-800">
        {status}
      </p>
    </Section>
  );
}
