export type FileAnswerResult = { ok: true } | { ok: false; code: string | undefined; message: string };

/**
 * Answers a file question with the file itself: PUT /api/hitl/<hitlId>/file, the PDF as
 * the body. XMLHttpRequest because fetch cannot report an upload's progress.
 */
export function putQuestionFile(hitlId: string, file: File, saveToProfile: boolean, onProgress: (fraction: number) => void): Promise<FileAnswerResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `/api/hitl/${encodeURIComponent(hitlId)}/file`);
    xhr.setRequestHeader('content-type', 'application/pdf');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    if (saveToProfile) xhr.setRequestHeader('x-save-to-profile', 'yes');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 200) {
        resolve({ ok: true });
        return;
      }
      const body = xhr.response as { error?: { message?: string; data?: { code?: string } } } | null;
      resolve({ ok: false, code: body?.error?.data?.code, message: body?.error?.message ?? 'The upload was refused; try again.' });
    };
    xhr.onerror = () => resolve({ ok: false, code: undefined, message: "Couldn't reach jobstream; check your connection and send the file again." });
    xhr.send(file);
  });
}
