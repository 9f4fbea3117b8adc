/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* The case's letters and messages, for the case's page (helper "letters" implements them in
 * gest-complaint-letter-window.c).
 *
 * Q6: the generic "in process" message: a dialog that shows the message resolved from its
 * template for the case and sends it by email through the outbox, or records that it was
 * given by phone; either way logged on the case.
 *
 * Q8: the answer letter: a window that resolves the chosen answer-letter template for the
 * case, previews the print-ready PDF (poppler), prints it (GtkPrintOperation) or emails it
 * through the outbox, with the areas it is copied to, and records it as sent
 * (gest_complaint_record_answer_sent()). Both windows close with Escape; both emit nothing:
 * the case's page reloads when they are hidden. */
void gest_complaint_in_process_dialog_present (GtkWindow   *parent,
                                               GestContext *context,
                                               const char  *complaint_uuid);
void gest_complaint_letter_window_present     (GtkWindow   *parent,
                                               GestContext *context,
                                               const char  *complaint_uuid);

G_END_DECLS
