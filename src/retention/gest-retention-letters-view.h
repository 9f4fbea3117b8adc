/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* "Cartas por imprimir" (S15): the letters made after the fifth failed attempt and not yet
 * printed, oldest first; "Print…" renders them into one PDF (each letter on its own pages, in a
 * thread) and prints it through GtkPrintOperation; "Save PDF…" writes the same batch to a file.
 * Either marks the letters printed, storing each one's PDF as a document of its target. */
#define GEST_TYPE_RETENTION_LETTERS_VIEW (gest_retention_letters_view_get_type ())
G_DECLARE_FINAL_TYPE (GestRetentionLettersView, gest_retention_letters_view, GEST, RETENTION_LETTERS_VIEW, GtkWidget)

GtkWidget *gest_retention_letters_view_new         (GestContext              *context);
/* Reloads in a thread; "loaded" is emitted when the list shows. */
void       gest_retention_letters_view_reload      (GestRetentionLettersView *self);
guint      gest_retention_letters_view_get_n_items (GestRetentionLettersView *self);
/* Renders the batch and saves it to @path without a dialog, then marks the letters printed
 * (what "Save PDF…" does after its file chooser); "loaded" follows. */
void       gest_retention_letters_view_save_pdf    (GestRetentionLettersView *self,
                                                    const char               *path);

G_END_DECLS
