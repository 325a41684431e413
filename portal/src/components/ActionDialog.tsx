import { useEffect, useState } from 'react';
import {
  Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Stack, TextField,
} from '@mui/material';
import { ErrorAlert } from './ErrorAlert';

export interface DialogField {
  name: string;
  label: string;
  type?: 'text' | 'datetime-local' | 'checkbox' | 'multiline';
  required?: boolean;
  initial?: string | boolean;
  helper?: string;
}

/** A command that needs a few words (a reason, dates): a small form, its error shown in place. */
export function ActionDialog({ open, title, fields, confirm, onClose, onSubmit, pending, error }: {
  open: boolean;
  title: string;
  fields: DialogField[];
  confirm: string;
  onClose: () => void;
  onSubmit: (values: Record<string, string | boolean>) => void;
  pending: boolean;
  error: unknown;
}) {
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  useEffect(() => {
    if (open) setValues(Object.fromEntries(fields.map((f) => [f.name, f.initial ?? (f.type === 'checkbox' ? false : '')])));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  const missing = fields.some((f) => f.required && !values[f.name]);
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="action-dialog-title">
      <form onSubmit={(e) => { e.preventDefault(); onSubmit(values); }}>
        <DialogTitle id="action-dialog-title">{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {fields.map((f) => f.type === 'checkbox' ? (
              <FormControlLabel key={f.name} label={f.label}
                                control={<Checkbox checked={!!values[f.name]} onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.checked }))} />} />
            ) : (
              <TextField key={f.name} label={f.label} required={f.required} value={values[f.name] ?? ''} helperText={f.helper}
                         type={f.type === 'datetime-local' ? 'datetime-local' : 'text'} multiline={f.type === 'multiline'}
                         minRows={f.type === 'multiline' ? 2 : undefined} InputLabelProps={f.type === 'datetime-local' ? { shrink: true } : undefined}
                         onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))} autoFocus={f === fields[0]} />
            ))}
            <ErrorAlert error={error} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={pending || missing}>{confirm}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
