/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* Printing the next working day's sheets (S12, S13; issue 15): every advisor's reservations
 * of the working day after today (business calendar), one page per advisor
 * (gest_agenda_day_sheet_pdf), rendered on a thread with a read-only connection, then the
 * print dialog (whose "Print to File" saves it). finish() is FALSE without an error when the
 * user cancelled the dialog. */
void      gest_agenda_print_next_day_async  (GtkWindow            *parent,
                                             GestContext          *context,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean  gest_agenda_print_next_day_finish (GAsyncResult         *result,
                                             GError              **error);
/* The same PDF written to @path without a dialog ("Save…"; tests). The day printed in
 * @out_day ('yyyy-mm-dd'), may be NULL. */
void      gest_agenda_save_next_day_async   (GestContext          *context,
                                             const char           *path,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean  gest_agenda_save_next_day_finish  (GAsyncResult         *result,
                                             char                **out_day,
                                             GError              **error);
/* A "Print Next Day’s Sheets…" button: prints, and shows a refusal in full in @error_label
 * (the one error style; may be NULL). */
GtkWidget *gest_agenda_print_button_new     (GestContext          *context,
                                             GtkLabel             *error_label);

G_END_DECLS
