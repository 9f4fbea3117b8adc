/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A workflow as a table: numbered steps, each owned by an actor and needing named
 * requirements, the moves between owners, and the phrases of every refusal. A module writes
 * its table once, in its GLib-only domain files; the desktop and gestiona-server both compile
 * that table and ask this engine, so a rule exists once.
 *
 * The engine's rules:
 *
 * - Steps are 1..n_steps, in order. A move goes forward one step or back one step.
 * - An actor ("dealer", "conauto", a role...) moves a record between two steps it owns; any
 *   other move is allowed only when the table lists it in @moves (a handover: the dealer takes
 *   the record from the partner's last step into its own).
 * - Reaching a step needs that step's requirements, and with @cumulative those of every
 *   earlier step too, so that whatever reached a step had what every step before it needed.
 *   Going back undoes a step and needs nothing.
 * - Checks come in this order: the steps exist, the move changes the step, it is one step,
 *   the actor may make it, the requirements are met. Refusals list everything missing, in
 *   table order.
 *
 * Phrases are untranslated msgids (N_()); the engine translates them when it uses them. The
 * phrases with conversions take exactly the arguments documented below, which
 * gest_workflow_validate() checks. */

typedef struct
{
  const char  *id;       /* a name the facts answer to: "payment_amount" */
  const char  *phrase;   /* completes the @needs phrase: "the customer’s payment proof" */
} GestWorkflowRequirement;

typedef struct
{
  int                 number;       /* 1..n_steps, equal to the step's position + 1 */
  const char         *title;        /* short, fit for a column header */
  const char         *description;  /* one sentence; may be NULL */
  const char         *owner;        /* the id of the actor that moves the record within it */
  const char * const *needs;        /* requirement ids, NULL-terminated; may be NULL */
} GestWorkflowStep;

typedef struct
{
  const char  *id;           /* "dealer" */
  /* Refusal of a move this actor may not make: "%d (%s) … %d (%s)": from, its title, to, its
   * title. Say who makes the move instead. */
  const char  *not_allowed;
} GestWorkflowActor;

/* A move allowed to @actor besides those between two steps it owns. */
typedef struct
{
  int          from;
  int          to;
  const char  *actor;
} GestWorkflowMove;

typedef struct
{
  const char                    *id;              /* for messages about the table itself */
  const GestWorkflowStep        *steps;
  guint                          n_steps;         /* at least 2 */
  const GestWorkflowRequirement *requirements;
  guint                          n_requirements;
  const GestWorkflowActor       *actors;
  guint                          n_actors;
  const GestWorkflowMove        *moves;
  guint                          n_moves;
  gboolean                       cumulative;

  /* The phrases of the refusals (all required). */
  const char  *no_such_step;   /* "%d": the step asked for (GEST_ERROR_INVALID) */
  const char  *same_step;      /* "%d %s": the step and its title */
  const char  *only_forward;   /* "%d %s %d %s": from the first step, the one after it */
  const char  *only_back;      /* "%d %s %d %s": from the last step, the one before it */
  const char  *one_step;       /* "%d %s %d %s %d %s": from, the next step, the previous step */
  const char  *needs;          /* "%d %s": the step, the missing phrases joined with "; " */
} GestWorkflow;

/* What a record has: whether @requirement (an id of the table) is met. */
typedef gboolean (*GestWorkflowHasFunc) (const char *requirement,
                                         gpointer    user_data);

typedef struct
{
  GestWorkflowHasFunc  has;
  gpointer             user_data;
} GestWorkflowFacts;

/* Whether @workflow is a table the engine can use: steps numbered 1..n in order, with titles
 * and known owners; requirements, actors and moves that name what exists; every phrase given
 * with the conversions documented above. On FALSE, @error (GEST_ERROR_INVALID) says which
 * entry is wrong. Tables are checked once by their module's tests and at first use. */
gboolean    gest_workflow_validate             (const GestWorkflow       *workflow,
                                                GError                  **error);

gboolean    gest_workflow_step_is_valid        (const GestWorkflow       *workflow,
                                                int                       step);
/* Translated title and description of @step (which must be valid). */
const char *gest_workflow_step_title           (const GestWorkflow       *workflow,
                                                int                       step);
const char *gest_workflow_step_description     (const GestWorkflow       *workflow,
                                                int                       step);
/* The id of the actor owning @step, NULL for a step that does not exist. */
const char *gest_workflow_step_owner           (const GestWorkflow       *workflow,
                                                int                       step);
/* Translated phrase of the requirement @id, NULL when the table has none. */
const char *gest_workflow_requirement_phrase   (const GestWorkflow       *workflow,
                                                const char               *id);

/* Whether @actor may move a record from @from to @to as far as owners go: both steps its own,
 * or a move the table lists. Says nothing about distance or requirements. */
gboolean    gest_workflow_actor_may_move       (const GestWorkflow       *workflow,
                                                int                       from,
                                                int                       to,
                                                const char               *actor);

/* The translated phrases of what reaching @step needs and @facts lack, in table order; empty
 * when nothing is missing. */
GPtrArray  *gest_workflow_missing              (const GestWorkflow       *workflow,
                                                const GestWorkflowFacts  *facts,
                                                int                       step);
/* The same as the table's @needs refusal ("Step 4 needs: …."), NULL when nothing is missing. */
char       *gest_workflow_missing_message      (const GestWorkflow       *workflow,
                                                const GestWorkflowFacts  *facts,
                                                int                       step);

/* Whether @actor may move a record with @facts from @from to @to, in the order the header
 * describes. On FALSE, @error is GEST_ERROR_INVALID for a step that does not exist and
 * GEST_ERROR_REFUSED otherwise, with the table's translated phrase. */
gboolean    gest_workflow_check_move           (const GestWorkflow       *workflow,
                                                const GestWorkflowFacts  *facts,
                                                int                       from,
                                                int                       to,
                                                const char               *actor,
                                                GError                  **error);

G_END_DECLS
