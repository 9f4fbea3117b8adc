/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-board-page.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* The Early Payoffs section (T6, T7, X1): a GestBoardPage over the trámites board source,
 * with its filters (text, step, overdue only, mine), the "New Payoff" button, the empty
 * states, and a trámite's detail (GestTramiteDetail, opened from a card; the header names
 * its folio). Like the board page it has "title" and "can-go-back" and the board-page.back
 * action, for the window's header. */
#define GEST_TYPE_TRAMITES_PAGE (gest_tramites_page_get_type ())
G_DECLARE_FINAL_TYPE (GestTramitesPage, gest_tramites_page, GEST, TRAMITES_PAGE, GtkWidget)

GtkWidget     *gest_tramites_page_new            (GestContext      *context);
/* Opens the trámite @uuid's detail page. */
void           gest_tramites_page_show_tramite   (GestTramitesPage *self,
                                                  const char       *uuid);
/* Back to the board (reloading it: the detail page may have changed the trámite). */
void           gest_tramites_page_show_board     (GestTramitesPage *self);
GestBoard     *gest_tramites_page_get_board      (GestTramitesPage *self);
GestBoardPage *gest_tramites_page_get_board_page (GestTramitesPage *self);
/* "main" (filters and board), "detail"; within main, gest_tramites_page_get_empty_shown(). */
const char    *gest_tramites_page_get_visible    (GestTramitesPage *self);
gboolean       gest_tramites_page_get_empty_shown (GestTramitesPage *self);

G_END_DECLS
