/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LOCAL STUB of agenda-pages (issue 15): compiled only while wip-agenda-board's reservation
 * dialog is not merged into wip-agenda-pages (src/agenda/meson.build checks for its file).
 * Deleted when it is. */
#define G_LOG_DOMAIN "gest-agenda-stub"

#include "config.h"

#include "gest-reservation-dialog.h"

struct _GestReservationDialog
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (GestReservationDialog, gest_reservation_dialog, ADW_TYPE_WINDOW)

static void
gest_reservation_dialog_class_init (GestReservationDialogClass *klass)
{
  g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                G_TYPE_STRING);
}

static void
gest_reservation_dialog_init (GestReservationDialog *self)
{
}

GtkWidget *
gest_reservation_dialog_new (GestContext                 *context,
                             GtkWindow                   *parent,
                             const char                  *uuid,
                             const GestReservationValues *preset,
                             const char                  *reschedule_uuid)
{
  return g_object_new (GEST_TYPE_RESERVATION_DIALOG, "transient-for", parent, NULL);
}
