import type { I18n } from "../i18n";
import type { KcContext } from "../KcContext";

/** What KcPage hands each of our pages: its narrowed kcContext and the messages. */
export type PageProps<PageId extends KcContext["pageId"]> = {
  kcContext: Extract<KcContext, { pageId: PageId }>;
  i18n: I18n;
};
