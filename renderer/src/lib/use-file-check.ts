import { useState, type FormEvent } from 'react';
import type { AppErrorShape, Result } from '../../../ipc/errors';
import type { FieldError } from './field-ids';
import { readFileAsBase64 } from './signing-text';

type Options<T> = {
  /** The field errors are reported against. */
  field: string;
  /** Why the chosen file cannot be checked, or null when it can. */
  refuse: (file: File | null) => string | null;
  check: (input: { fileName: string; contentBase64: string }) => Promise<Result<T>>;
};

/**
 * One signed file chosen, read on this computer and checked: a refusal or a validation error is
 * said at the field, any other failure in the error summary.
 */
export function useFileCheck<T>({ field, refuse, check }: Options<T>) {
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<AppErrorShape | null>(null);
  const [result, setResult] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setResult(null);
    setProblem(null);
    const refusal = refuse(file);
    if (file === null || refusal !== null) {
      setErrors([{ field, message: refusal ?? '' }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const contentBase64 = await readFileAsBase64(file);
      const checked = await check({ fileName: file.name, contentBase64 });
      if (checked.ok) setResult(checked.value);
      else if (checked.error.kind === 'validation') {
        setErrors([{ field, message: checked.error.message }]);
      } else setProblem(checked.error);
    } catch {
      setErrors([{ field, message: 'The file could not be read. Choose it again.' }]);
    } finally {
      setBusy(false);
    }
  };

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setResult(null);
  };

  const error = errors.find((e) => e.field === field)?.message;
  return { errors, problem, result, busy, error, submit, choose };
}
