/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LOCAL STUB of retention-ui (issue 14): the functions of gest-contact-queue.h,
 * gest-service-visit.h, gest-contact-letter.h and gest-campaign.h that the pages call, until
 * wip-retention-core, wip-letters-reports and wip-campaigns-core are merged. Each returns
 * nothing or refuses. DELETED when the implementations are merged; never the final state. */
#define G_LOG_DOMAIN "gest-retention-ui-stubs"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-campaign.h"
#include "gest-contact-letter.h"
#include "gest-contact-queue.h"
#include "gest-error.h"
#include "gest-service-visit.h"

static gboolean
stub_refuse (GError **error)
{
  g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED, "stub");
  return FALSE;
}

const char *gest_contact_band_label (GestContactBand band) { return band == 0 ? "Mañana" : band == 1 ? "Mediodía" : "Tarde"; }
GestContactBand gest_contact_band_of (gint64 at) { return GEST_CONTACT_BAND_MORNING; }
const char *gest_call_outcome_id (GestCallOutcome outcome) { return "no-answer"; }
const char *gest_call_outcome_label (GestCallOutcome outcome) { return "outcome"; }
gboolean gest_call_outcome_from_id (const char *id, GestCallOutcome *out) { return FALSE; }
gboolean gest_call_outcome_failed (GestCallOutcome outcome) { return outcome == GEST_CALL_NO_ANSWER || outcome == GEST_CALL_WRONG_NUMBER; }
void gest_contact_item_free (GestContactItem *item) { g_free (item); }
GPtrArray *gest_contact_queue_today (GestStore *store, gint64 now, GCancellable *cancellable, GError **error) { return g_ptr_array_new_with_free_func ((GDestroyNotify) gest_contact_item_free); }
gboolean gest_contact_call_record (GestStore *store, const char *source, const char *record_uuid, gint64 at, const char *number_dialled, GestCallOutcome outcome, gint64 call_back_at, const char *field_actions_told, const char *note, char **out_target_uuid, GError **error) { return stub_refuse (error); }
void gest_contact_call_free (GestContactCall *call) { g_free (call); }
GPtrArray *gest_contact_calls_list (GestStore *store, const char *source, const char *record_uuid, GError **error) { return g_ptr_array_new_with_free_func ((GDestroyNotify) gest_contact_call_free); }
char *gest_contact_target_uuid (const char *source, const char *record_uuid) { return g_strdup ("stub"); }

const char *gest_visit_kind_id (GestVisitKind kind) { return "maintenance"; }
const char *gest_visit_kind_label (GestVisitKind kind) { return "Mantenimiento"; }
gboolean gest_visit_kind_from_id (const char *id, GestVisitKind *out) { return FALSE; }
gboolean gest_service_visit_add (GestStore *store, const char *vehicle_uuid, const char *ro_number, const char *opened_on, const char *closed_on, guint km, GestVisitKind kind, char **out_uuid, GError **error) { return stub_refuse (error); }
void gest_visit_import_report_free (GestVisitImportReport *report) { g_free (report); }
GestVisitImportReport *gest_service_visits_import (GestStore *store, GFile *file, GCancellable *cancellable, GError **error) { stub_refuse (error); return NULL; }
void gest_lapsed_vehicle_free (GestLapsedVehicle *vehicle) { g_free (vehicle); }
GPtrArray *gest_lapsed_maintenance_list (GestStore *store, const char *month_day, GCancellable *cancellable, GError **error) { return g_ptr_array_new_with_free_func ((GDestroyNotify) gest_lapsed_vehicle_free); }
gboolean gest_service_followup_add (GestStore *store, const char *customer_uuid, const char *vehicle_uuid, GestFollowupKind kind, const char *detail, const char *call_on, char **out_uuid, GError **error) { return stub_refuse (error); }

void gest_contact_templates_init (void) { }
char *gest_contact_script_resolve (GestStore *store, const char *source, const char *record_uuid, GError **error) { return g_strdup (""); }
GPtrArray *gest_contact_letters_to_print (GestStore *store, GError **error) { return g_ptr_array_new_with_free_func (g_free); }
GBytes *gest_contact_letters_render (GestStore *store, GPtrArray *letter_uuids, GCancellable *cancellable, GError **error) { stub_refuse (error); return NULL; }
gboolean gest_contact_letters_mark_printed (GestStore *store, GPtrArray *letter_uuids, gint64 now, GError **error) { return stub_refuse (error); }
void gest_promotion_free (GestPromotion *promotion) { g_free (promotion); }
GPtrArray *gest_promotions_list (GestStore *store, const char *day, GError **error) { return g_ptr_array_new_with_free_func ((GDestroyNotify) gest_promotion_free); }
gboolean gest_promotion_save (GestStore *store, const GestPromotion *promotion, char **out_uuid, GError **error) { return stub_refuse (error); }
gboolean gest_promotion_delete (GestStore *store, const char *uuid, GError **error) { return stub_refuse (error); }

void gest_open_field_action_free (GestOpenFieldAction *action) { g_free (action); }
GPtrArray *gest_campaign_open_actions_for_vehicle (GestStore *store, const char *vehicle_uuid, GError **error) { return g_ptr_array_new_with_free_func ((GDestroyNotify) gest_open_field_action_free); }
const char *gest_campaign_kind_label (GestCampaignKind kind) { return "kind"; }
const char *gest_campaign_stage_label (GestCampaignStage stage) { return "stage"; }
