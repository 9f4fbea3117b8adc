/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-agenda-schedule.h"
#include "gest-reservation.h"

G_BEGIN_DECLS

/* What the reservation files (gest-reservation*.c) and the schedule file share: none of it
 * leaves the agenda's domain. */

/* The SELECT every loaded GestReservation comes from: FROM reservations r and its customer,
 * vehicle and advisor; gest_reservation_from_row() reads it. */
#define GEST_RESERVATION_SELECT GEST_RESERVATION_SELECT_COLUMNS GEST_RESERVATION_FROM
#define GEST_RESERVATION_SELECT_COLUMNS \
  GEST_RESERVATION_SELECT_FIELDS "," \
  " (SELECT count(*) FROM campaign_vehicles cv JOIN campaigns k ON k.uuid = cv.campaign_uuid" \
  "   WHERE cv.vehicle_uuid = r.vehicle_uuid AND cv.deleted = 0 AND cv.stage < 4" \
  "   AND k.deleted = 0 AND k.closed_at IS NULL)"
/* Columns 0 to 26; column 27, the vehicle's open field actions, is the caller's. */
#define GEST_RESERVATION_SELECT_FIELDS \
  "SELECT r.uuid, r.customer_uuid, COALESCE (NULLIF (c.name, ''), r.contact_name)," \
  " COALESCE (NULLIF (c.phone_mobile, ''), r.contact_phone), r.vehicle_uuid, v.model, v.year," \
  " COALESCE (NULLIF (v.plate, ''), v.vin, r.contact_plate_vin), r.mileage_km, r.service_kind," \
  " r.advisor_uuid, u.name, r.day, r.starts_min, r.duration_min, r.transport, r.notes, r.state," \
  " r.origin, r.confirm_by, r.refusal_reason, r.no_show_reason, r.recovery, r.rescheduled_from," \
  " r.test_drive, r.needs_invoice, r.sync_version"
#define GEST_RESERVATION_FROM \
  " FROM reservations r LEFT JOIN customers c ON c.uuid = r.customer_uuid" \
  " LEFT JOIN vehicles v ON v.uuid = r.vehicle_uuid LEFT JOIN users u ON u.uuid = r.advisor_uuid"
/* The same with the row's rowid as column 28 (the board's cards). */
#define GEST_RESERVATION_SELECT_ROWID \
  GEST_RESERVATION_SELECT_COLUMNS ", r.rowid" GEST_RESERVATION_FROM

/* The settings the rules read, with their defaults. */
typedef struct
{
  int grace_min;      /* agenda.no_show_grace_minutes: 30 */
  int cutoff_min;     /* agenda.confirm_cutoff: 17:00 */
} GestAgendaRules;

void             gest_agenda_rules_load      (GestStore            *store,
                                              GestAgendaRules      *out);
/* "17:00" → 1020; -1 when not a time. */
int              gest_agenda_parse_time      (const char           *text);
/* "09:05" */
char            *gest_agenda_format_time     (int                   minutes);
/* "dd/mm/yyyy" of a "yyyy-mm-dd"; a copy of @iso when it is not one. */
char            *gest_agenda_format_day      (const char           *iso);
/* The moment (unix µs) of @minutes after midnight of @day in the dealer's time zone; 0 when
 * @day is not a date. */
gint64           gest_agenda_moment          (const char           *day,
                                              int                   minutes);
/* The dealer's day ('yyyy-mm-dd', new) and minute of @moment. */
char            *gest_agenda_day_of          (gint64                moment,
                                              int                  *out_minute);

GestReservation *gest_reservation_from_row   (sqlite3_stmt         *stmt,
                                              const GestAgendaRules *rules,
                                              gint64                now);
/* Loads @uuid for a change (inside its transaction); NOT_FOUND says so. */
GestReservation *gest_reservation_load_at    (GestStore            *store,
                                              const char           *uuid,
                                              gint64                now,
                                              GError              **error);
/* The advisor's name, or a copy of @uuid when unknown ("" for NULL). */
char            *gest_agenda_advisor_name    (GestStore            *store,
                                              const char           *advisor_uuid);
/* An advisor may only change their own reservations (the other roles any): refused with
 * GEST_ERROR_PERMISSION naming the reservation's advisor. */
gboolean         gest_agenda_check_own       (GestStore            *store,
                                              const GestReservation *reservation,
                                              GError              **error);
/* S11: when @needs_invoice, the customer's billing data must pass gest_cfdi_check_receiver. */
gboolean         gest_agenda_check_billing   (GestStore            *store,
                                              const char           *customer_uuid,
                                              GError              **error);
/* The activity entry of a reservation, attributed to the signed-in user. */
gboolean         gest_reservation_log        (GestStore            *store,
                                              const char           *uuid,
                                              const char           *text,
                                              GError              **error);
/* Runs @sql (numbered parameters: ?1 the uuid, ?2 now, then @text3 as ?3 and @int4 as ?4)
 * on the reservation @uuid. */
gboolean         gest_reservation_exec       (GestStore            *store,
                                              const char           *sql,
                                              const char           *uuid,
                                              gint64                now,
                                              const char           *text3,
                                              gint64                int4,
                                              GError              **error);
/* The odometer (S10): the vehicle's km raised to @mileage_km, and the test-drive offer when
 * over GEST_TEST_DRIVE_MIN_KM and none was made yet. */
gboolean         gest_reservation_record_mileage (GestStore        *store,
                                                  const char       *uuid,
                                                  const char       *vehicle_uuid,
                                                  int               mileage_km,
                                                  GError          **error);
/* Creates the row; the checks done. */
char            *gest_reservation_insert     (GestStore                   *store,
                                              const char                  *origin,
                                              const GestReservationValues *values,
                                              const char                  *rescheduled_from,
                                              gint64                       now,
                                              GError                     **error);
/* Marks the no-show inside the caller's change (gest_reservation_no_show()'s body). */
gboolean         gest_reservation_no_show_in (GestStore                   *store,
                                              const char                  *uuid,
                                              const char                  *reason,
                                              gint64                       now,
                                              GError                     **error);

G_END_DECLS
