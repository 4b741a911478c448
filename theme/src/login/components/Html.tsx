// Server-provided text (messages, field errors) may carry markup; it is sanitised the way
// Keycloakify's own pages do before it reaches the DOM.
import { kcSanitize } from "keycloakify/lib/kcSanitize";
import type { HTMLAttributes } from "react";

type Props = { html: string; as?: "span" | "p" | "div" } & Omit<HTMLAttributes<HTMLElement>, "children" | "dangerouslySetInnerHTML">;

export function Html({ html, as: Tag = "span", ...rest }: Props) {
  return <Tag {...rest} dangerouslySetInnerHTML={{ __html: kcSanitize(html) }} />;
}
