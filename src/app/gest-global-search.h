/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gest-context.h"
#include "gest-search.h"

G_BEGIN_DECLS

/* The header bar's global search: a search entry whose text runs gest_search_run() on a worker
 * thread (its own store connection) a moment after the user stops typing, and a popover that
 * lists the hits (kind icon, title, subtitle) or says that nothing matched. Choosing a hit
 * (click, or Enter for the selected one; Up/Down move the selection) emits
 * ::hit-activated (const char *kind, const char *uuid): the hit's kind (GestSearchHit). */
#define GEST_TYPE_GLOBAL_SEARCH (gest_global_search_get_type ())
G_DECLARE_FINAL_TYPE (GestGlobalSearch, gest_global_search, GEST, GLOBAL_SEARCH, GtkWidget)

GtkWidget           *gest_global_search_new             (void);
/* Searches the context's store; NULL: no search. */
void                 gest_global_search_set_context     (GestGlobalSearch *self,
                                                         GestContext      *context);
/* Focuses the entry and selects its text. */
void                 gest_global_search_focus           (GestGlobalSearch *self);
GtkEditable         *gest_global_search_get_entry       (GestGlobalSearch *self);
/* The hits of the last finished search. */
guint                gest_global_search_get_n_results   (GestGlobalSearch *self);
const GestSearchHit *gest_global_search_get_result      (GestGlobalSearch *self,
                                                         guint             position);
/* The text whose results (or message) are shown; NULL before a search or when cleared. */
const char          *gest_global_search_get_shown_text  (GestGlobalSearch *self);
/* "No results for “…”" or a search error after the last search; NULL when it found hits. */
const char          *gest_global_search_get_message     (GestGlobalSearch *self);
void                 gest_global_search_activate_result (GestGlobalSearch *self,
                                                         guint             position);

G_END_DECLS
