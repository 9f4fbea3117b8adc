/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-domain-module.h"
#include "gest-service-visit.h"

G_BEGIN_DECLS

/* The module's own contact sources (gest-retention-domain.c lists them). */
extern const GestContactSource gest_retention_contact_sources[];
extern const guint             gest_retention_n_contact_sources;

/* A call to a follow-up finished (contacted, booked, refused, gave up): it is done. */
gboolean gest_service_followup_finish (GestStore    *store,
                                       const char   *followup_uuid,
                                       GError      **error);

/* Checks a visit's days (yyyy-mm-dd): none in the future (the dealer's @today), closed not
 * before opened. GEST_ERROR_INVALID with the message otherwise. */
gboolean gest_service_visit_check_days (const char  *opened_on,
                                        const char  *closed_on,
                                        const GDate *today,
                                        GError     **error);

/* The first and the day after the last day of the cohort month of the lapsed list of the month
 * of @month_day (yyyy-mm-dd): [from, to). FALSE when @month_day is no date. */
gboolean gest_lapsed_cohort (const char  *month_day,
                             char       **out_from,
                             char       **out_to);

G_END_DECLS
