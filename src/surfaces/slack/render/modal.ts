import type { types } from "@slack/bolt";
import type { Notice } from "../../../interactions/reply.ts";
import { VALUE, VIEWS } from "../ids.ts";
import { escapeText } from "../text.ts";
import { plain, section, type Block } from "./blocks.ts";

/**
 * Modal building blocks. Every input's action_id is VALUE and its block_id names the field, so
 * a `response_action: "errors"` answer keyed by block id puts each message next to its field.
 */

export interface ModalSpec {
  callbackId: string;
  title: string;
  blocks: Block[];
  submit?: string;
  close?: string;
  privateMetadata?: string;
}

export function modal(spec: ModalSpec): types.ModalView {
  return {
    type: "modal",
    callback_id: spec.callbackId,
    title: plain(spec.title.slice(0, 24)),
    close: plain((spec.close ?? (spec.submit ? "Cancel" : "Close")).slice(0, 24)),
    ...(spec.submit ? { submit: plain(spec.submit.slice(0, 24)) } : {}),
    ...(spec.privateMetadata ? { private_metadata: spec.privateMetadata.slice(0, 3000) } : {}),
    blocks: spec.blocks.slice(0, 100),
  };
}

/** What a modal shows while the answer is fetched (views.open first: the trigger lasts 3 seconds). */
export function loadingModal(title: string): types.ModalView {
  return modal({ callbackId: VIEWS.info, title, blocks: [section("Loading…")] });
}

/** An interaction's notice in a modal titled `title` (its own title is a bold first line when it says more). */
export function replyModal(title: string, reply: Pick<Notice, "title" | "lines">): types.ModalView {
  const heading = reply.title === title ? [] : [`*${escapeText(reply.title)}*`];
  return modal({ callbackId: VIEWS.info, title, blocks: [section([...heading, ...reply.lines.map(escapeText)].join("\n"))] });
}

/** A modal that only says something, e.g. "No such case." */
export function noticeModal(title: string, text: string): types.ModalView {
  return modal({ callbackId: VIEWS.info, title, blocks: [section(escapeText(text))] });
}

export interface Option {
  value: string;
  text: string;
  description?: string;
}

const option = (o: Option): types.Option => ({
  text: plain(o.text.slice(0, 75)),
  value: o.value,
  ...(o.description ? { description: plain(o.description.slice(0, 75)) } : {}),
});

interface InputOptions {
  optional?: boolean;
  hint?: string;
}

function input(blockId: string, label: string, element: unknown, options: InputOptions): Block {
  return {
    type: "input",
    block_id: blockId,
    label: plain(label.slice(0, 2000)),
    optional: options.optional ?? false,
    element: element as types.InputBlock["element"],
    ...(options.hint ? { hint: plain(options.hint.slice(0, 2000)) } : {}),
  };
}

export function textInput(
  blockId: string,
  label: string,
  options: InputOptions & { multiline?: boolean; initial?: string; maxLength?: number; placeholder?: string } = {},
): Block {
  return input(
    blockId,
    label,
    {
      type: "plain_text_input",
      action_id: VALUE,
      multiline: options.multiline ?? false,
      ...(options.maxLength ? { max_length: Math.min(3000, options.maxLength) } : {}),
      ...(options.initial ? { initial_value: options.initial.slice(0, options.maxLength ?? 3000) } : {}),
      ...(options.placeholder ? { placeholder: plain(options.placeholder.slice(0, 150)) } : {}),
    },
    options,
  );
}

export function numberInput(blockId: string, label: string, options: InputOptions & { initial?: number } = {}): Block {
  return input(
    blockId,
    label,
    { type: "number_input", action_id: VALUE, is_decimal_allowed: true, min_value: "0", ...(options.initial !== undefined ? { initial_value: String(options.initial) } : {}) },
    options,
  );
}

export function dateInput(blockId: string, label: string, options: InputOptions & { initial?: string } = {}): Block {
  return input(blockId, label, { type: "datepicker", action_id: VALUE, ...(options.initial ? { initial_date: options.initial } : {}) }, options);
}

export function selectInput(blockId: string, label: string, options: Option[], opts: InputOptions & { initial?: string; placeholder?: string } = {}): Block {
  const initial = options.find((o) => o.value === opts.initial);
  return input(
    blockId,
    label,
    {
      type: "static_select",
      action_id: VALUE,
      placeholder: plain(opts.placeholder ?? "Choose"),
      options: options.slice(0, 100).map(option),
      ...(initial ? { initial_option: option(initial) } : {}),
    },
    opts,
  );
}

export function radioInput(blockId: string, label: string, options: Option[], opts: InputOptions & { initial?: string } = {}): Block {
  const initial = options.find((o) => o.value === opts.initial);
  return input(blockId, label, { type: "radio_buttons", action_id: VALUE, options: options.map(option), ...(initial ? { initial_option: option(initial) } : {}) }, opts);
}

export function usersInput(blockId: string, label: string, opts: InputOptions & { multi?: boolean; max?: number; initial?: string[] } = {}): Block {
  const initial = opts.initial?.length ? opts.initial : undefined;
  const element = opts.multi
    ? { type: "multi_users_select", action_id: VALUE, placeholder: plain("Choose people"), ...(opts.max ? { max_selected_items: opts.max } : {}), ...(initial ? { initial_users: initial.slice(0, opts.max) } : {}) }
    : { type: "users_select", action_id: VALUE, placeholder: plain("Choose a person"), ...(initial ? { initial_user: initial[0] } : {}) };
  return input(blockId, label, element, opts);
}

export function checkboxInput(blockId: string, label: string, options: Option[], opts: InputOptions = {}): Block {
  return input(blockId, label, { type: "checkboxes", action_id: VALUE, options: options.map(option) }, opts);
}
