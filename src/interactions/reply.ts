// What an interaction answers with, for any surface to render. Text is plain (no markup, not
// escaped): each surface escapes and styles it. `placement` is the redraw-or-post decision.

/** In place of what the person clicked or submitted (the modal, the dialog, the card), or as a new private message. */
export type Placement = "redraw" | "post";

/** A short message: a title and lines of text. */
export interface Notice {
  kind: "notice";
  title: string;
  lines: string[];
  placement: Placement;
}

/** The form again, each problem next to its field (field names are the interaction's own). */
export interface FieldErrors<Field extends string = string> {
  kind: "field_errors";
  errors: Partial<Record<Field, string>>;
  /** Nothing was saved (the database was out of reach): the same form may be sent again as it is. */
  retry?: true;
}

export const notice = (title: string, lines: string[], placement: Placement = "redraw"): Notice => ({ kind: "notice", title, lines, placement });

export const fieldError = <Field extends string>(field: Field, message: string): FieldErrors<Field> => ({
  kind: "field_errors",
  errors: { [field]: message } as Partial<Record<Field, string>>,
});

/** What a person is told when the database cannot take their change; nothing was saved, they may send it again. */
export const NOT_SAVED = "Not saved: the service cannot reach its database right now. Please try again in a few minutes.";

/** A reply as plain lines, for a surface that shows only text there (a private message, a dialog's closing message, a terminal). */
export const replyText = (reply: { lines: string[] } | FieldErrors): string => ("errors" in reply ? Object.values(reply.errors).join("\n") : reply.lines.join("\n"));
