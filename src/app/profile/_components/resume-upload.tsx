'use client';

import { useRef, useState } from 'react';
import { RESUME_MAX_BYTES } from '~/shared/profile';
import { api } from '~/trpc/react';
import { controlClass, FieldError } from '../../_components/form-controls';
import type { Profile } from './profile-draft';

/** "fileName: the resume must be…" reads better without the field's name next to the field. */
function withoutFieldName(message: string): string {
  return message.replace(/^fileName:\s*/, '');
}

const ID = 'profile-resume-file';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type UploadResult = { ok: true; profile: Profile } | { ok: false; message: string };

/**
 * Streams the file to PUT /api/profile/resume as it is (no base64, no JSON), reporting
 * progress; XMLHttpRequest because fetch cannot report an upload's progress.
 */
function putResume(file: File, onProgress: (fraction: number) => void): Promise<UploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', '/api/profile/resume');
    xhr.setRequestHeader('content-type', 'application/pdf');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { error?: { message?: string } } | Profile | null;
      if (xhr.status === 200 && body && !('error' in body)) resolve({ ok: true, profile: body as Profile });
      else resolve({ ok: false, message: (body && 'error' in body && body.error?.message) || 'the upload was refused; try again' });
    };
    xhr.onerror = () => resolve({ ok: false, message: "couldn't reach jobstream; check your connection and choose the file again" });
    xhr.send(file);
  });
}

/**
 * Uploads as soon as a file is chosen: a resume is one file, not a draft to review, and the
 * profile's other fields are saved separately.
 */
export function ResumeUpload({ current }: { current: Profile['resumeFile'] }) {
  const utils = api.useUtils();
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  function clearInput() {
    // So choosing the same file again (after fixing it) still counts as a change.
    if (input.current) input.current.value = '';
  }

  async function send(file: File) {
    setError(null);
    if (file.size > RESUME_MAX_BYTES) {
      setStatus('');
      setError(`that file is ${formatBytes(file.size)}; the resume may be at most ${formatBytes(RESUME_MAX_BYTES)}`);
      clearInput();
      return;
    }
    setPending(true);
    setStatus(`Uploading ${file.name}…`);
    const result = await putResume(file, (fraction) => setStatus(`Uploading ${file.name}… ${Math.round(fraction * 100)}%`));
    setPending(false);
    clearInput();
    if (!result.ok) {
      setStatus('');
      setError(withoutFieldName(result.message));
      return;
    }
    const { profile } = result;
    // Only the file changed: the form's unsaved edits are compared against the rest.
    utils.profile.get.setData(undefined, (old) => (old ? { ...old, resumeFile: profile.resumeFile, updatedAt: profile.updatedAt } : profile));
    setStatus('Resume uploaded');
  }

  return (
    <div>
      <label htmlFor={ID} className="block text-sm font-semibold text-slate-900">
        Resume (PDF)
      </label>
      <p id={`${ID}-hint`} className="mt-0.5 text-sm text-slate-600">
        PDF only, at most {formatBytes(RESUME_MAX_BYTES)}. It is uploaded as soon as you choose it. The applier attaches it
        when a form asks for a resume; without one, it prints your resume text as a PDF.
      </p>
      <p id={`${ID}-current`} className="mt-2 text-sm text-slate-800">
        {current ? (
          <>
            Current file: <strong className="break-all">{current.fileName}</strong> ({formatBytes(current.bytes)})
          </>
        ) : (
          'No PDF uploaded yet.'
        )}
      </p>
      <input
        ref={input}
        id={ID}
        type="file"
        accept="application/pdf,.pdf"
        disabled={pending}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${ID}-hint ${ID}-current${error ? ` ${ID}-error` : ''}`}
        className={`${controlClass} mt-2 file:mr-3 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1 file:font-medium file:text-slate-900`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void send(file);
        }}
      />
      <p role="status" className="mt-1 min-h-5 text-sm font-medium text-emerald-800">
        {status}
      </p>
      <FieldError id={ID} message={error ?? undefined} />
    </div>
  );
}
