'use client';

import { getProviders, signIn } from 'next-auth/react';
import { useEffect, useState } from 'react';
import { secondaryButtonClass } from '../../_components/form-controls';

const KNOWN = [
  { id: 'github', label: 'Continue with GitHub' },
  { id: 'google', label: 'Continue with Google' },
] as const;

type OAuthId = (typeof KNOWN)[number]['id'];

/** GitHub and Google buttons, only for the providers the server has keys for. */
export function OAuthButtons({ callbackUrl }: { callbackUrl: string }) {
  const [enabled, setEnabled] = useState<readonly OAuthId[]>([]);
  useEffect(() => {
    let live = true;
    getProviders()
      .then((providers) => {
        if (live && providers) setEnabled(KNOWN.map((p) => p.id).filter((id) => id in providers));
      })
      // Without the list we simply offer email and password, which always works.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const shown = KNOWN.filter((p) => enabled.includes(p.id));
  if (shown.length === 0) return null;
  return (
    <div className="mt-6 border-t border-slate-200 pt-6">
      <p className="mb-3 text-sm text-slate-700">Or use an account you already have:</p>
      <ul className="flex flex-col gap-2">
        {shown.map((provider) => (
          <li key={provider.id}>
            <button
              type="button"
              className={`${secondaryButtonClass} w-full`}
              onClick={() => void signIn(provider.id, { callbackUrl })}
            >
              {provider.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
