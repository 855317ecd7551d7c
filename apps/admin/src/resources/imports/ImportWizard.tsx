import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Stack,
  Step,
  StepLabel,
  Stepper,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Confirm, LinkBase, Title, useGetList, usePermissions, useTranslate } from 'react-admin';
import { importKindsFor } from '../../providers/importPermissions';
import { getImportFields, previewImport, runImport, uploadImport } from './api';
import { apiErrorLines } from './apiErrors';
import { isNotCsv, isTooLarge } from './file';
import { FileStep } from './FileStep';
import { ImportProgress } from './ImportProgress';
import { hasMappingProblems, initialMapping, mappingProblems } from './mapping';
import { MappingStep } from './MappingStep';
import { runBlocker } from './preview';
import { contractFields } from './targets';
import { PreviewStep } from './PreviewStep';
import {
  IMPORT_KINDS,
  type ColumnMapping,
  type ImportKind,
  type ImportMappingDto,
  type ImportPreviewDto,
  type OnDuplicate,
  type UploadedImportDto,
} from './types';

const STEPS = ['file', 'mapping', 'preview', 'run'] as const;
type StepIndex = 0 | 1 | 2 | 3;

const isKind = (value: string | null): value is ImportKind =>
  (IMPORT_KINDS as readonly string[]).includes(value ?? '');

/** The problems of the last refused request, in the UI language (the API already translated). */
const Problems = ({ lines }: { lines: string[] }) => {
  const translate = useTranslate();
  if (lines.length === 0) return null;
  return (
    <Alert severity="error" role="alert">
      {lines.map((line) => (
        <Typography key={line} variant="body2">
          {translate(line, { _: line })}
        </Typography>
      ))}
    </Alert>
  );
};

/**
 * `/imports/create?kind=people|organizations|pledges`: the four steps of a CSV import — the file
 * and its source, the columns, the check, the import itself with its progress. Nothing is written
 * to the records before the last step, and that step imports the whole file or nothing.
 */
export const ImportWizard = () => {
  const translate = useTranslate();
  const role: unknown = usePermissions().permissions;
  const allowed = importKindsFor(role);
  const [params] = useSearchParams();
  const asked = params.get('kind');
  const kind: ImportKind | undefined = isKind(asked) && allowed.includes(asked) ? asked : allowed[0];

  const [step, setStep] = useState<StepIndex>(0);
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [upload, setUpload] = useState<UploadedImportDto | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [fromSaved, setFromSaved] = useState(false);
  const [onDuplicate, setOnDuplicate] = useState<OnDuplicate>('update');
  const [saveMapping, setSaveMapping] = useState(true);
  const [preview, setPreview] = useState<ImportPreviewDto | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);

  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    // Each step's title takes the focus, so a screen reader announces where the person now is.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // The top of the card (stepper and title) comes into view, not the title alone under the app bar.
    heading.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [step]);

  const fields = useQuery({
    queryKey: ['imports', 'fields', kind],
    queryFn: () => getImportFields(kind as ImportKind),
    enabled: kind !== undefined,
    staleTime: Infinity,
  });
  const saved = useGetList<ImportMappingDto>(
    'import-mappings',
    { filter: { kind }, pagination: { page: 1, perPage: 100 }, sort: { field: 'source', order: 'ASC' } },
    { enabled: kind !== undefined, retry: false },
  );
  const savedSources = [...new Set((saved.data ?? []).map((item) => item.source))];

  if (!kind) {
    return (
      <Box sx={{ mt: 2 }}>
        <Title title="unidos.imports.title_default" />
        <Alert severity="info">{translate('unidos.imports.not_allowed')}</Alert>
      </Box>
    );
  }

  // The contract's own list stands in when the API cannot say (the check still validates it all).
  const fieldList = fields.data ?? (fields.isError ? contractFields(kind) : []);
  const problemsOfMapping = mappingProblems(mapping, fieldList);

  /** Runs one request of the flow: busy meanwhile, its refusal shown above the buttons. */
  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblems([]);
    try {
      await work();
    } catch (error) {
      setProblems(apiErrorLines(error));
    } finally {
      setBusy(false);
    }
  };

  const sendFile = () =>
    attempt(async () => {
      if (!file) return;
      const answer = await uploadImport(kind, file, source);
      const known = fields.data ?? (await fields.refetch()).data ?? contractFields(kind);
      // A corrected file keeps the choices already made for the columns it still has.
      const previous = upload ? mapping : undefined;
      setMapping(initialMapping(answer.headers, answer.mapping, known, previous));
      setFromSaved(!previous && (answer.savedMapping ?? savedSources.includes(source.trim())));
      setUpload(answer);
      setPreview(null);
      setStep(1);
    });

  const check = () =>
    attempt(async () => {
      if (!upload) return;
      const answer = await previewImport(upload.id, {
        mapping,
        onDuplicate,
        saveMapping: saveMapping && (upload.source ?? '') !== '',
      });
      setPreview(answer);
      setStep(2);
    });

  const run = () =>
    attempt(async () => {
      setConfirming(false);
      if (!upload) return;
      await runImport(upload.id, { mapping, onDuplicate });
      setJobId(upload.id);
      setStep(3);
    });

  const blocker = preview ? runBlocker(preview) : 'empty';
  const fileProblem = !file || isTooLarge(file) || isNotCsv(file);
  const total = preview ? preview.willCreate + preview.willUpdate + preview.willSkip : 0;

  return (
    <Box sx={{ mt: 2, maxWidth: 1000 }}>
      <Title title={`unidos.imports.title.${kind}`} />
      <Card>
        <CardContent>
          <Stepper activeStep={step} alternativeLabel sx={{ mb: 3, display: { xs: 'none', sm: 'flex' } }}>
            {STEPS.map((name) => (
              <Step key={name}>
                <StepLabel>{translate(`unidos.imports.steps.${name}`)}</StepLabel>
              </Step>
            ))}
          </Stepper>
          <Typography ref={heading} tabIndex={-1} component="h2" variant="h6" sx={{ mb: 2, outline: 'none' }}>
            {translate('unidos.imports.step_of', {
              step: step + 1,
              total: STEPS.length,
              name: translate(`unidos.imports.steps.${STEPS[step]}`),
            })}
          </Typography>

          {step === 0 ? (
            <FileStep
              file={file}
              source={source}
              savedSources={savedSources}
              onFile={(next) => {
                setFile(next);
                setProblems([]);
              }}
              onSource={setSource}
            />
          ) : null}
          {step === 1 && upload ? (
            <MappingStep
              kind={kind}
              upload={upload}
              fields={fieldList}
              mapping={mapping}
              problems={problemsOfMapping}
              onMapping={setMapping}
              onDuplicate={onDuplicate}
              setOnDuplicate={setOnDuplicate}
              saveMapping={saveMapping}
              setSaveMapping={setSaveMapping}
              fromSaved={fromSaved}
            />
          ) : null}
          {step === 2 && preview ? (
            <PreviewStep
              kind={kind}
              preview={preview}
              mapping={mapping}
              fields={fieldList}
              onDuplicate={onDuplicate}
              onFixFile={() => {
                setFile(null);
                setStep(0);
              }}
              onChangeColumns={() => setStep(1)}
            />
          ) : null}
          {step === 3 && jobId ? <ImportProgress id={jobId} /> : null}

          <Box sx={{ mt: 3 }}>
            <Problems lines={problems} />
          </Box>

          {step < 3 ? (
            <Stack
              direction={{ xs: 'column-reverse', sm: 'row' }}
              spacing={1}
              sx={{ mt: 3, justifyContent: 'space-between', alignItems: { sm: 'center' } }}
            >
              {step === 0 ? (
                <Button component={LinkBase} to="/imports">
                  {translate('unidos.imports.see_history')}
                </Button>
              ) : (
                <Button onClick={() => setStep((step - 1) as StepIndex)} disabled={busy}>
                  {translate('unidos.imports.back')}
                </Button>
              )}
              <Stack
                direction={{ xs: 'column', sm: 'row' }}
                spacing={1}
                sx={{ alignItems: { sm: 'center' } }}
              >
                {step === 2 && blocker ? (
                  <Typography id="import-blocked" variant="body2" color="error.main">
                    {translate(`unidos.imports.preview.blocked_${blocker}`)}
                  </Typography>
                ) : null}
                {step === 0 ? (
                  <Button variant="contained" onClick={() => void sendFile()} disabled={busy || fileProblem}>
                    {busy ? <CircularProgress size={18} sx={{ mr: 1 }} aria-hidden /> : null}
                    {translate('unidos.imports.file.next')}
                  </Button>
                ) : null}
                {step === 1 ? (
                  <Button
                    variant="contained"
                    onClick={() => void check()}
                    disabled={busy || fieldList.length === 0 || hasMappingProblems(problemsOfMapping)}
                  >
                    {busy ? <CircularProgress size={18} sx={{ mr: 1 }} aria-hidden /> : null}
                    {translate('unidos.imports.mapping.next')}
                  </Button>
                ) : null}
                {step === 2 ? (
                  <Button
                    variant="contained"
                    onClick={() => setConfirming(true)}
                    disabled={busy || blocker !== null}
                    aria-describedby={blocker ? 'import-blocked' : undefined}
                  >
                    {busy ? <CircularProgress size={18} sx={{ mr: 1 }} aria-hidden /> : null}
                    {/* No count while blocked: the file imports all or nothing, never "the 2 good rows". */}
                    {blocker
                      ? translate('unidos.imports.preview.run_blocked')
                      : translate('unidos.imports.preview.run', { smart_count: total })}
                  </Button>
                ) : null}
              </Stack>
            </Stack>
          ) : null}
        </CardContent>
      </Card>
      <Confirm
        isOpen={confirming}
        loading={busy}
        title={`unidos.imports.confirm.title.${kind}`}
        content="unidos.imports.confirm.content"
        translateOptions={{
          smart_count: total,
          created: preview?.willCreate ?? 0,
          updated: preview?.willUpdate ?? 0,
          skipped: preview?.willSkip ?? 0,
        }}
        confirm="unidos.imports.confirm.run"
        cancel="unidos.imports.confirm.cancel"
        onConfirm={() => void run()}
        onClose={() => setConfirming(false)}
      />
    </Box>
  );
};
