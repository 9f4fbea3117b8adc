/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* The section "Contacto proactivo": a view switcher over "Hoy" (the day's queue and its call
 * panel), "Mantenimiento vencido" (the month's lapsed list, S4), "Visitas" (visits recorded or
 * imported from the DMS) and "Cartas por imprimir" (S15). "title" and "can-go-back" follow the
 * call panel (the window's back button and Escape leave it through "board-page.back"). */
#define GEST_TYPE_RETENTION_PAGE (gest_retention_page_get_type ())
G_DECLARE_FINAL_TYPE (GestRetentionPage, gest_retention_page, GEST, RETENTION_PAGE, GtkWidget)

GtkWidget  *gest_retention_page_new        (GestContext       *context);
/* "today", "lapsed", "visits" or "letters". */
const char *gest_retention_page_get_view   (GestRetentionPage *self);
void        gest_retention_page_set_view   (GestRetentionPage *self,
                                            const char        *view);
/* The view widget named @view (GestRetentionQueueView, …LapsedView, …VisitsView, …LettersView). */
GtkWidget  *gest_retention_page_get_child  (GestRetentionPage *self,
                                            const char        *view);
/* The moment the queue and its calls are taken at (tests); 0: the clock's. */
void        gest_retention_page_set_now    (GestRetentionPage *self,
                                            gint64             now);

G_END_DECLS
