import type { Activity, TurnContext } from "botbuilder";
import type { Application } from "@microsoft/teams-ai";
import { z } from "zod";
import { DATASETS, SEARCH_LIMIT, type Picked } from "../cards/peoplePicker.ts";
import { senderOf, type TeamsCores } from "../cores.ts";
import type { TeamsDeps } from "../deps.ts";

/** The `application/search` invoke a typeahead sends, as far as this surface reads it. */
const searchValue = z
  .object({
    queryText: z.string().max(200).optional(),
    dataset: z.string().min(1).max(200),
    queryOptions: z.object({ skip: z.number().int().nonnegative().optional(), top: z.number().int().positive().optional() }).passthrough().optional(),
  })
  .passthrough();

/** Whether the activity is a typeahead search of `dataset` (exactly, or starting with it when it ends in ":"). */
export function isSearch(activity: Partial<Activity>, dataset: string): boolean {
  if (activity.type !== "invoke" || activity.name !== "application/search") return false;
  const value = searchValue.safeParse(activity.value);
  if (!value.success) return false;
  return dataset.endsWith(":") ? value.data.dataset.startsWith(dataset) && value.data.dataset.length > dataset.length : value.data.dataset === dataset;
}

/** People by id (for a picker's already-chosen values), in the given order; unknown ids are dropped. */
export async function peopleByIds(directory: TeamsCores["directory"], ids: readonly string[]): Promise<Picked[]> {
  const out: Picked[] = [];
  for (const id of ids.slice(0, 50)) {
    const person = await directory.get(id);
    if (person) out.push({ id, name: person.name });
  }
  return out;
}

/**
 * The "people" typeahead (report intake's people involved, a delegate): the directory's active
 * people matching what was typed. Only someone the directory knows gets answers.
 */
export function peopleSearchRoutes(cores: TeamsCores) {
  return (app: Application, deps: TeamsDeps): void => {
    app.adaptiveCards.search(
      (context: TurnContext) => Promise.resolve(isSearch(context.activity, DATASETS.people)),
      async (context, _state, query) => {
        const me = await senderOf(context);
        if (!me.person) return [];
        const people = await deps.searchPeople(query.parameters.queryText, Math.max(1, Math.min(query.count, SEARCH_LIMIT)));
        return people.map((p) => ({ title: p.name, value: p.id }));
      },
    );
  };
}
