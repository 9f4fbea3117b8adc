/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-ui-pending"

#include "config.h"

#include "gest-complaint-letter-window.h"

/* TEMPORARY until wip-letters: its functions the case's page calls. */
void
gest_complaint_in_process_dialog_present (GtkWindow   *parent,
                                          GestContext *context,
                                          const char  *complaint_uuid)
{
}

void
gest_complaint_letter_window_present (GtkWindow   *parent,
                                      GestContext *context,
                                      const char  *complaint_uuid)
{
}
