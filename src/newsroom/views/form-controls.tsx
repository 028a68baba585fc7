// Form controls the shared Field does not cover: a select and a group of checkboxes, with the
// same label, hint and error wiring (aria-describedby) so screen readers hear the message.

const idFor = (name: string) => `field_${name.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

export function SelectField(props: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  error?: string | undefined;
  hint?: string;
}) {
  const id = idFor(props.name);
  const describedBy = [props.hint ? `${id}_hint` : '', props.error ? `${id}_error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="field-hint" id={`${id}_hint`}>
          {props.hint}
        </p>
      ) : null}
      <select
        id={id}
        name={props.name}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
      {props.error ? (
        <p class="field-error" id={`${id}_error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** Checkboxes sharing one name (the form sends every ticked value). */
export function CheckboxGroup(props: {
  name: string;
  legend: string;
  options: { value: string; label: string; checked: boolean }[];
  error?: string | undefined;
}) {
  const id = idFor(props.name);
  return (
    <fieldset
      class={props.error ? 'field-invalid' : undefined}
      aria-describedby={props.error ? `${id}_error` : undefined}
    >
      <legend>{props.legend}</legend>
      <ul class="checkbox-list">
        {props.options.map((option) => (
          <li>
            <label>
              <input type="checkbox" name={props.name} value={option.value} checked={option.checked} />{' '}
              {option.label}
            </label>
          </li>
        ))}
      </ul>
      {props.error ? (
        <p class="field-error" id={`${id}_error`}>
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
