/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* Test drives (S10, S13; issue 15). A reservation of a vehicle with more than
 * GEST_TEST_DRIVE_MIN_KM (gest-reservation.h) is offered a test drive when booked or when it
 * arrives (reservations.test_drive 'offered'); 30,000 km exactly is not over. The customer's
 * answer: declined, or accepted, which creates the lead for sales (name, phone, current
 * vehicle, vehicle of interest, appointment time). Sales (GEST_ROLE_SALES_ADVISOR, and the
 * general manager) marks the lead's outcome. Permissions "agenda.test-drives" (offer and
 * answer: coordinator, advisor, service manager, general manager) and "agenda.leads"
 * (outcome: sales, general manager). */

/* Lead outcomes: "open", "test-driven", "sold", "not-interested", "no-answer". */
const char *gest_test_drive_outcome_label (const char *outcome);

/* Whether @mileage_km earns the offer (> GEST_TEST_DRIVE_MIN_KM). */
gboolean  gest_test_drive_is_eligible (int          mileage_km);

/* The customer's answer to the offer of reservation @uuid. When accepted: the lead, with
 * @vehicle_of_interest (required) and @appointment_at (required, not in the past); returns
 * the lead's uuid ("" when declined). Refused when the reservation was not offered one. */
char     *gest_test_drive_answer      (GestStore   *store,
                                       const char  *reservation_uuid,
                                       gboolean     accepted,
                                       const char  *vehicle_of_interest,
                                       gint64       appointment_at,
                                       GError     **error);
gboolean  gest_test_drive_lead_outcome (GestStore  *store,
                                        const char *lead_uuid,
                                        const char *outcome,
                                        const char *note,
                                        GError    **error);

typedef struct
{
  char   *uuid;
  char   *name;
  char   *phone;
  char   *current_vehicle;
  char   *vehicle_of_interest;
  gint64  appointment_at;
  char   *outcome;
  char   *reservation_uuid;
} GestTestDriveLead;

void gest_test_drive_lead_free (GestTestDriveLead *lead);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestTestDriveLead, gest_test_drive_lead_free)

/* The leads whose appointment is on @day (yyyy-mm-dd, NULL: every open lead): element type
 * GestTestDriveLead, by appointment time. */
GPtrArray *gest_test_drive_leads      (GestStore   *store,
                                       const char  *day,
                                       GError     **error);

G_END_DECLS
