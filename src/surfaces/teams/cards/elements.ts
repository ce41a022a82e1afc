/** The few Adaptive Card elements this surface uses, typed (schema 1.5, as Teams renders it). */
export interface TextBlock {
  type: "TextBlock";
  text: string;
  wrap?: boolean;
  weight?: "default" | "bolder";
  size?: "small" | "default" | "medium" | "large";
  color?: "default" | "good" | "warning" | "attention" | "accent";
  isSubtle?: boolean;
  spacing?: "none" | "small" | "medium";
  style?: "heading";
}

export interface Container {
  type: "Container";
  items: Element[];
  style?: "emphasis" | "default";
  spacing?: "none" | "small" | "medium";
}

export interface FactSet {
  type: "FactSet";
  facts: Array<{ title: string; value: string }>;
}

export type Element = TextBlock | Container | FactSet;

export interface ExecuteAction {
  type: "Action.Execute";
  title: string;
  verb: string;
  data: Record<string, unknown>;
  style?: "positive" | "destructive";
}

export interface Card {
  type: "AdaptiveCard";
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  version: "1.5";
  body: Element[];
  actions?: ExecuteAction[];
  msteams?: { width: "Full" };
}

export function card(body: Element[], actions: ExecuteAction[] = []): Card {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    ...(actions.length ? { actions } : {}),
    msteams: { width: "Full" },
  };
}

/** A TextBlock of already-escaped text (see escapeCardText). */
export function text(escaped: string, options: Omit<TextBlock, "type" | "text"> = {}): TextBlock {
  return { type: "TextBlock", text: escaped, wrap: true, ...options };
}

export function execute(title: string, verb: string, data: Record<string, unknown>, style?: ExecuteAction["style"]): ExecuteAction {
  return { type: "Action.Execute", title, verb, data, ...(style ? { style } : {}) };
}
