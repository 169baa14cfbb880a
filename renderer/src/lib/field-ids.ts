// One rule for turning an API field path ("team.0.name") into the id of the element that edits
// it ("field-team-0-name"), so an error summary link always lands on the right field.
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

export type FieldError = { field: string; message: string };

export function errorFor(errors: readonly FieldError[], path: string): string | undefined {
  return errors.find((e) => e.field === path)?.message;
}
