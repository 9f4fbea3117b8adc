/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-board-page.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* The Complaints section (Q5-Q12): two views under a switcher. "Cases" is a GestBoardPage
 * over the complaints' board source: one column per stage, the text search (folio, customer,
 * complainant), "No entry today" (Q7: open cases without a log entry today in the dealer's
 * time zone), "My cases" (the signed-in user is the responsible), and the new-case button
 * that opens the intake window. "My Tasks" lists the signed-in user's open tasks across
 * cases by due day; a task opens its case. A case opens in the case's detail
 * (GestComplaintDetail) in place of the board; Escape goes back. */
#define GEST_TYPE_COMPLAINTS_PAGE (gest_complaints_page_get_type ())
G_DECLARE_FINAL_TYPE (GestComplaintsPage, gest_complaints_page, GEST, COMPLAINTS_PAGE, GtkWidget)

GtkWidget     *gest_complaints_page_new            (GestContext        *context);
/* Shows the case @uuid (a card, a search hit, a task). */
void           gest_complaints_page_show_complaint (GestComplaintsPage *self,
                                                    const char         *uuid);
void           gest_complaints_page_show_board     (GestComplaintsPage *self);
GestBoardPage *gest_complaints_page_get_board_page (GestComplaintsPage *self);
/* The detail shown, or NULL. */
GtkWidget     *gest_complaints_page_get_detail     (GestComplaintsPage *self);
/* "cases" or "tasks". */
const char    *gest_complaints_page_get_view       (GestComplaintsPage *self);
void           gest_complaints_page_set_view       (GestComplaintsPage *self,
                                                    const char         *view);
/* Reads the tasks again; the number of open tasks listed. */
guint          gest_complaints_page_reload_tasks   (GestComplaintsPage *self);

G_END_DECLS
