import type { UploadFile } from './form-filler';
import { fieldLocator, type Scope } from './field-locators';
import type { FieldDescriptor } from './read-fields';

/** Gives a file input its file, even one hidden behind a styled button: a file input is never typed into. */
export async function uploadFile(scope: Scope, field: FieldDescriptor, file: UploadFile, timeoutMs: number): Promise<void> {
  await fieldLocator(scope, field.ref)
    .first()
    .setInputFiles({ name: file.fileName, mimeType: file.mimeType, buffer: file.bytes }, { timeout: timeoutMs });
}
