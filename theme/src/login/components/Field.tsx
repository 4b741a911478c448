// A labelled input with its hint and error, wired for screen readers: the error is announced when
// it appears (role=alert) and read with the field (aria-describedby), and the field is marked invalid.
import { useState, type InputHTMLAttributes, type ReactNode } from "react";
import { Html } from "./Html";

export type FieldProps = {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Server-provided error text (may contain markup); absent or empty when the field is fine. */
  error?: string;
  /** Shown beside the input, inside its row (e.g. a "Show" button). */
  after?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name">;

export function Field({ id, name, label, hint, error, after, ...input }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `input-error-${id}` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="kca-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="kca-hint">
          {hint}
        </p>
      )}
      {after ? (
        <div className="kca-input-row">
          <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
          {after}
        </div>
      ) : (
        <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      )}
      {error && <Html as="p" id={errorId} className="kca-field-error" role="alert" data-testid="field-error" html={error} />}
    </div>
  );
}

/** A field for one-time and recovery codes: numeric keyboard, autofill from SMS/apps, no spellcheck. */
export function CodeField({ numeric = true, ...props }: FieldProps & { numeric?: boolean }) {
  return (
    <Field
      type="text"
      autoComplete="one-time-code"
      inputMode={numeric ? "numeric" : "text"}
      pattern={numeric ? "[0-9]*" : undefined}
      autoCapitalize="characters"
      autoCorrect="off"
      spellCheck={false}
      required
      className="kca-code"
      {...props}
    />
  );
}

/**
 * The password field with a "Show password" button, so a user on a phone can check what they typed.
 * The button's name says what it will do next; the field keeps its name, id and autocomplete.
 */
export function PasswordField({ showLabel, hideLabel, ...props }: FieldProps & { showLabel: string; hideLabel: string }) {
  const [visible, setVisible] = useState(false);
  return (
    <Field
      {...props}
      type={visible ? "text" : "password"}
      spellCheck={false}
      autoCapitalize="none"
      after={
        <button
          type="button"
          className="kca-reveal"
          id={`${props.id}-show`}
          aria-controls={props.id}
          onClick={() => setVisible((v) => !v)}
        >
          {visible ? hideLabel : showLabel}
        </button>
      }
    />
  );
}
