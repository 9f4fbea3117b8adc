/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-board.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* The Early Payoffs section (T6, T7, X1): filters (text, step, overdue only, mine), the
 * "New Payoff" button, the trámites board, an empty state when there are no trámites, and a
 * trámite's detail page (opened from a card) with a back button. */
#define GEST_TYPE_TRAMITES_PAGE (gest_tramites_page_get_type ())
G_DECLARE_FINAL_TYPE (GestTramitesPage, gest_tramites_page, GEST, TRAMITES_PAGE, GtkWidget)

GtkWidget *gest_tramites_page_new           (GestContext      *context);
/* Opens the trámite @uuid's detail page. */
void       gest_tramites_page_show_tramite  (GestTramitesPage *self,
                                             const char       *uuid);
/* Back to the board (reloading it: the detail page may have changed the trámite). */
void       gest_tramites_page_show_board    (GestTramitesPage *self);
GestBoard *gest_tramites_page_get_board     (GestTramitesPage *self);
/* "main" (filters and board), "detail"; within main, gest_tramites_page_get_empty_shown(). */
const char *gest_tramites_page_get_visible  (GestTramitesPage *self);
gboolean   gest_tramites_page_get_empty_shown (GestTramitesPage *self);

G_END_DECLS
