/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"
#include "gest-reservation.h"
#include "gest-reservation-values.h"

G_BEGIN_DECLS

/* The new/edit reservation window (issue 15): customer (search), vehicle and mileage, the
 * vehicle's open field actions (S8), service kind, advisor, day and time (the free slots),
 * transport, notes, "needs an invoice" with the billing data (S11). Values/state in
 * gest-reservation-values.{c,h} (GLib only). Saves through gest_store_write_async(); a
 * refusal is shown on the row it concerns, in full. Modes: new (@uuid NULL; @preset may
 * give advisor, day and time from a clicked slot, or a no-show's customer and vehicle to
 * reschedule with @reschedule_uuid), edit (@uuid). "saved" (uuid) when saved. */

#define GEST_TYPE_RESERVATION_DIALOG (gest_reservation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GestReservationDialog, gest_reservation_dialog, GEST, RESERVATION_DIALOG, AdwWindow)

GtkWidget *gest_reservation_dialog_new (GestContext                 *context,
                                        GtkWindow                   *parent,
                                        const char                  *uuid,
                                        const GestReservationValues *preset,
                                        const char                  *reschedule_uuid);
/* What "Save" does (Ctrl+S): FALSE when the form shows errors or a save is under way. */
gboolean    gest_reservation_dialog_save            (GestReservationDialog *self);
/* The message shown on @field (GestReservationFormField), or on the window with -1; NULL
 * when none. */
const char *gest_reservation_dialog_get_error       (GestReservationDialog *self,
                                                     int                    field);
const GestReservationFormValues *
            gest_reservation_dialog_get_values      (GestReservationDialog *self);
/* As choosing @customer_uuid among the search's matches (and @vehicle_uuid, when given). */
void        gest_reservation_dialog_choose_customer (GestReservationDialog *self,
                                                     const char            *customer_uuid,
                                                     const char            *vehicle_uuid);

G_END_DECLS
