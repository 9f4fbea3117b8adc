/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-reservation-state.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* Service reservations (S7, S12, S14; issue 15). A reservation is one customer's vehicle at
 * one advisor's slot: day ('yyyy-mm-dd') and starts_min (minutes since midnight), both in the
 * dealer's time zone (gest_dealer_timezone()).
 *
 * Every change: the user's permission ("agenda.*", checked in the transaction), one
 * transaction, one activity entry attributed to the signed-in user, a translated refusal that
 * says what is wrong and how to fix it (GEST_ERROR_INVALID, GEST_ERROR_PERMISSION,
 * GEST_ERROR_CONFLICT when the slot is taken); nothing is written when refused.
 *
 * States, the day's board columns in order (the kanban): to-confirm "Por confirmar",
 * confirmed "Confirmada", arrived "Llegó", in-workshop "En taller", delivered "Entregada",
 * no-show "No se presentó". Off the board: refused (a web booking the customer or the
 * dealer turned down, with its reason) and cancelled.
 *
 * No-shows (S14): a confirmed reservation not arrived grace minutes (setting
 * GEST_AGENDA_SETTING_GRACE, default 30) after its start IS a no-show: the board shows it in
 * "No se presentó" and the retention queue offers it, derived from :now in SQL, without a
 * write; gest_reservation_no_show() stores it with its reason. A call that books again sets
 * recovery 'accepted' and the agenda offers "Reagendar"; gest_reservation_reschedule()
 * makes the new reservation (origin 'no-show-call', rescheduled_from the old one).
 *
 * Web bookings (S7): must be confirmed on confirm_by, the business day they arrived on, or
 * the next business day when they arrived after the cutoff hour (setting
 * GEST_AGENDA_SETTING_CONFIRM_HOUR, default "17:00") or on a non-working day (business
 * calendar: weekends, holidays). After the cutoff hour of confirm_by (or any day after it) an
 * unconfirmed one is late: flagged on the agenda and first in the retention queue. */

#define GEST_AGENDA_SETTING_GRACE         "agenda.no_show_grace_minutes"  /* "30" */
#define GEST_AGENDA_SETTING_CONFIRM_HOUR  "agenda.confirm_cutoff"         /* "17:00" */
/* The agenda's contact sources for the retention queue (GestContactSource): web bookings to
 * confirm (priority 40: first of the day; detail "Late" when past the cutoff), no-shows to
 * call again (25) and refused bookings offered a follow-up call (15). Their outcomes: booked
 * → a no-show's recovery 'accepted' (the agenda then offers "Reagendar"); refused, gave up →
 * recovery 'refused'/'gave-up'; a booking to confirm reached is left to the agenda's confirm. */
#define GEST_AGENDA_SOURCE_TO_CONFIRM  "agenda.to-confirm"
#define GEST_AGENDA_SOURCE_NO_SHOWS    "agenda.no-shows"
#define GEST_AGENDA_SOURCE_REFUSED     "agenda.refused"

#define GEST_TEST_DRIVE_MIN_KM            30000   /* S10: over this, a test drive is offered */

/* Service kinds: "maintenance", "repair", "field-action", "diagnosis", "warranty", "other". */
const char *gest_reservation_kind_label     (const char           *kind);
/* Transport: "waits" (the customer waits), "drops-off" (leaves the car). */
const char *gest_reservation_transport_label (const char          *transport);

/* The values of a reservation as the forms and the CLI give them. Strings owned by the
 * caller. advisor_uuid NULL only for a web booking not yet assigned. */
typedef struct
{
  const char *customer_uuid;
  const char *vehicle_uuid;
  int         mileage_km;
  const char *service_kind;
  const char *advisor_uuid;
  const char *day;            /* yyyy-mm-dd */
  int         starts_min;
  int         duration_min;   /* 0: the advisor's slot length */
  const char *transport;
  const char *notes;
  gboolean    needs_invoice;  /* S11: the customer's billing data must then be complete */
} GestReservationValues;

/* A loaded reservation with what the views show. */
typedef struct
{
  char                 *uuid;
  char                 *customer_uuid;
  char                 *customer_name;     /* or contact_name of an unmatched web booking */
  char                 *customer_phone;
  char                 *vehicle_uuid;
  char                 *vehicle_label;     /* "Escape 2019 · ABC-123-D" */
  int                   mileage_km;
  char                 *service_kind;
  char                 *advisor_uuid;
  char                 *advisor_name;
  char                 *day;
  int                   starts_min;
  int                   duration_min;
  char                 *transport;
  char                 *notes;
  GestReservationState  state;             /* as stored */
  gboolean              is_no_show;        /* stored, or confirmed and past the grace period */
  char                 *origin;
  char                 *confirm_by;        /* NULL when not a web booking to confirm */
  gboolean              confirm_late;      /* S7: past the cutoff hour of confirm_by */
  char                 *refusal_reason;
  char                 *no_show_reason;
  char                 *recovery;
  char                 *rescheduled_from;
  char                 *test_drive;
  gboolean              needs_invoice;
  guint                 n_open_actions;    /* S8: the vehicle's open field actions */
  gint64                sync_version;
} GestReservation;

void             gest_reservation_free (GestReservation *reservation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestReservation, gest_reservation_free)

GestReservation *gest_reservation_load (GestStore   *store,
                                        const char  *uuid,
                                        GError     **error);

/* Creates a reservation (origin "desk" or "phone"; state confirmed). Checks: customer and
 * vehicle exist, the advisor works then (schedule, break, blocked time), the slot has room
 * (capacity: reservations starting in the same slot that are not refused, cancelled or
 * no-show), the day not in the past, not a holiday; mileage ≥ the vehicle's last known.
 * Records the vehicle's mileage, and offers a test drive (test_drive 'offered') when over
 * GEST_TEST_DRIVE_MIN_KM (S10). Returns the new uuid. */
char     *gest_reservation_create      (GestStore                    *store,
                                        const char                   *origin,
                                        const GestReservationValues  *values,
                                        GError                      **error);
gboolean  gest_reservation_update      (GestStore                    *store,
                                        const char                   *uuid,
                                        const GestReservationValues  *values,
                                        GError                      **error);
/* Moves to another advisor, day or time (drag and drop, keyboard): the same checks as
 * create; a refusal says why ("Luis Hernández Peña already has 2 reservations at 09:00, his
 * capacity: choose another time or advisor."). */
gboolean  gest_reservation_move        (GestStore                    *store,
                                        const char                   *uuid,
                                        const char                   *advisor_uuid,
                                        const char                   *day,
                                        int                           starts_min,
                                        GError                      **error);
/* The day's board moves: to-confirm → confirmed (gest_reservation_confirm) → arrived →
 * in-workshop → delivered, and confirmed → no-show; backwards one step to undo a mistake.
 * Any other move is refused with the allowed ones named. */
gboolean  gest_reservation_set_state   (GestStore                    *store,
                                        const char                   *uuid,
                                        GestReservationState          state,
                                        GError                      **error);
/* S7: confirms a booking (to-confirm → confirmed), assigning @advisor_uuid when it has none
 * (refused without one), and when @send_email and the customer has an email, queues the
 * confirmation through the mail outbox with its .ics (gest-agenda-mail.h) in the same
 * transaction. */
gboolean  gest_reservation_confirm     (GestStore                    *store,
                                        const char                   *uuid,
                                        const char                   *advisor_uuid,
                                        gboolean                      send_email,
                                        GError                      **error);
/* S12: refuses a booking with its reason (required); when @offer_followup, a follow-up call
 * is offered: the reservation enters the retention queue (source "agenda.refused"). */
gboolean  gest_reservation_refuse      (GestStore                    *store,
                                        const char                   *uuid,
                                        const char                   *reason,
                                        gboolean                      offer_followup,
                                        GError                      **error);
gboolean  gest_reservation_cancel      (GestStore                    *store,
                                        const char                   *uuid,
                                        const char                   *reason,
                                        GError                      **error);
/* S14: the customer arrived (confirmed or to-confirm, even late) at @at; @mileage_km > 0
 * updates the odometer, and a test drive is offered when over GEST_TEST_DRIVE_MIN_KM and
 * none was offered yet (S10). */
gboolean  gest_reservation_arrive      (GestStore                    *store,
                                        const char                   *uuid,
                                        gint64                        at,
                                        int                           mileage_km,
                                        GError                      **error);
/* S14: marks a no-show with its reason (may be empty when unknown yet); refused before the
 * grace period has passed. */
gboolean  gest_reservation_no_show     (GestStore                    *store,
                                        const char                   *uuid,
                                        const char                   *reason,
                                        gint64                        now,
                                        GError                      **error);
/* S14: the no-show @uuid rebooked at @values (origin 'no-show-call', rescheduled_from),
 * its recovery 'accepted' and its reason @reason when given. Returns the new uuid. */
char     *gest_reservation_reschedule  (GestStore                    *store,
                                        const char                   *uuid,
                                        const GestReservationValues  *values,
                                        const char                   *reason,
                                        GError                      **error);

/* S7: the business day a web booking received at @received_at must be confirmed on (the
 * same business day before @cutoff_min, else the next working day), in the calendar of
 * @store. A new 'yyyy-mm-dd'. */
char     *gest_reservation_confirm_by  (GestStore                    *store,
                                        gint64                        received_at,
                                        int                           cutoff_min);

/* The reservations of [@from_day, @to_day] (yyyy-mm-dd) ordered by day, advisor, time:
 * element type GestReservation. For the views, on a thread with a read-only store. */
GPtrArray *gest_reservations_list_range (GestStore                   *store,
                                         const char                  *from_day,
                                         const char                  *to_day,
                                         gint64                       now,
                                         GError                     **error);

G_END_DECLS
