/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LOCAL STUB of agenda-pages (issue 15): compiled only while wip-agenda-services' implementation is not merged into wip-agenda-pages
 * (src/agenda/meson.build checks for its file). Deleted when they are. Every function
 * refuses. */
#define G_LOG_DOMAIN "gest-agenda-stub"

#include "config.h"

#include "gest-agenda-mail.h"
#include "gest-agenda-schedule.h"
#include "gest-error.h"
#include "gest-reservation.h"
#include "gest-tech-session.h"
#include "gest-test-drive.h"

#define STUB_FAIL(ret) G_STMT_START { g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID, "not merged yet"); return ret; } G_STMT_END

char *gest_tech_session_book (GestStore *s, const char *d, int m, const char *c, const char *n, const char *t,
                              const char *mo, const char *r, GError **error) { STUB_FAIL (NULL); }
gboolean gest_tech_session_set_state (GestStore *s, const char *u, const char *st, GError **error) { STUB_FAIL (FALSE); }
GPtrArray *gest_tech_sessions_day (GestStore *s, const char *d, GError **error) { STUB_FAIL (NULL); }
GArray *gest_tech_sessions_free (GestStore *s, const char *d, GError **error) { STUB_FAIL (NULL); }
void gest_tech_session_free (GestTechSession *s) { g_free (s); }
const char *gest_test_drive_outcome_label (const char *o) { return o; }
gboolean gest_test_drive_is_eligible (int km) { return km > GEST_TEST_DRIVE_MIN_KM; }
char *gest_test_drive_answer (GestStore *s, const char *r, gboolean a, const char *v, gint64 at, GError **error) { STUB_FAIL (NULL); }
gboolean gest_test_drive_lead_outcome (GestStore *s, const char *l, const char *o, const char *n, GError **error) { STUB_FAIL (FALSE); }
void gest_test_drive_lead_free (GestTestDriveLead *l) { g_free (l); }
GPtrArray *gest_test_drive_leads (GestStore *s, const char *d, GError **error) { STUB_FAIL (NULL); }
GBytes *gest_agenda_day_sheet_pdf (GestStore *s, const char *d, const char *a, GError **error) { STUB_FAIL (NULL); }
