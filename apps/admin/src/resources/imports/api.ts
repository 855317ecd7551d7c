import { API_URL, httpClient, postJson } from '../../providers/httpClient';
import type {
  ColumnMapping,
  ImportFieldDto,
  ImportKind,
  ImportPreviewDto,
  OnDuplicate,
  UploadedImportDto,
} from './types';

const id = (value: string) => encodeURIComponent(value);

/** The fields a column may be imported as, with the required ones marked. */
export const getImportFields = async (kind: ImportKind): Promise<ImportFieldDto[]> => {
  const response = await httpClient(`${API_URL}/imports/fields?kind=${encodeURIComponent(kind)}`);
  const body = response.json as { fields?: ImportFieldDto[] };
  return body.fields ?? [];
};

/** Sends the file (multipart: fetchJson leaves the Content-Type to the browser for FormData). */
export const uploadImport = async (
  kind: ImportKind,
  file: File,
  source: string,
): Promise<UploadedImportDto> => {
  const form = new FormData();
  form.append('kind', kind);
  if (source.trim() !== '') form.append('source', source.trim());
  form.append('file', file, file.name);
  const response = await httpClient(`${API_URL}/imports`, { method: 'POST', body: form });
  return response.json as UploadedImportDto;
};

export interface ImportChoices {
  mapping: ColumnMapping;
  onDuplicate: OnDuplicate;
}

export const previewImport = (importId: string, choices: ImportChoices & { saveMapping: boolean }) =>
  postJson<ImportPreviewDto>(`/imports/${id(importId)}/preview`, choices);

export const runImport = (importId: string, choices: ImportChoices) =>
  postJson<{ id: string; status: string }>(`/imports/${id(importId)}/run`, choices);
