/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-campaign.h"

G_BEGIN_DECLS

/* The campaign's two forms (S1, S2), after gnome-calendar's values-struct pattern: an
 * immutable values struct with pure setters (each returns a new struct), and a pure
 * widget_state_from_values() that says what the dialog shows: which field is in error and with
 * which words, which rows are visible and sensitive, whether the main button can be pressed.
 * GLib only, tested without a display (tests/campaigns/test-campaign-forms.c); the model
 * checks the same rules again when it saves. */

/* --- New or edited campaign (S1) ---------------------------------------------------------- */

typedef enum
{
  GEST_CAMPAIGN_FORM_CODE,
  GEST_CAMPAIGN_FORM_DESCRIPTION,
  GEST_CAMPAIGN_FORM_STARTS,
  GEST_CAMPAIGN_FORM_ENDS,
  GEST_CAMPAIGN_FORM_N_FIELDS
} GestCampaignFormField;

typedef struct
{
  char             *code;           /* as typed */
  GestCampaignKind  kind;
  char             *description;
  char             *labour_notes;
  char             *parts_notes;
  char             *starts_text;    /* dd/mm/yyyy as typed */
  char             *ends_text;
  gboolean          needs_parts;
  gboolean          editing;        /* an existing campaign: its code stays */
  gboolean          show_errors;    /* after the first attempt to save */
  gboolean          saving;
  char             *refusal;        /* the model's refusal, in full */
} GestCampaignFormValues;

typedef struct
{
  char     *errors[GEST_CAMPAIGN_FORM_N_FIELDS];
  char     *refusal;
  gboolean  dates_visible;     /* the kind has start and end dates */
  gboolean  code_sensitive;    /* not when editing */
  gboolean  fields_sensitive;  /* not while saving */
  gboolean  save_sensitive;
  gboolean  valid;
  /* What a valid form saves (GestCampaignFields' strings). */
  char     *code;              /* upper case, stripped */
  char     *description;       /* stripped */
  char     *starts_on;         /* yyyy-mm-dd or NULL */
  char     *ends_on;
} GestCampaignFormState;

GestCampaignFormValues *gest_campaign_form_values_new      (void);
/* The form of an existing campaign. */
GestCampaignFormValues *gest_campaign_form_values_new_from (const GestCampaign           *campaign);
GestCampaignFormValues *gest_campaign_form_values_copy     (const GestCampaignFormValues *values);
void                    gest_campaign_form_values_free     (GestCampaignFormValues       *values);
GestCampaignFormValues *gest_campaign_form_values_set_code        (const GestCampaignFormValues *values,
                                                                   const char                   *code);
GestCampaignFormValues *gest_campaign_form_values_set_kind        (const GestCampaignFormValues *values,
                                                                   GestCampaignKind              kind);
GestCampaignFormValues *gest_campaign_form_values_set_description (const GestCampaignFormValues *values,
                                                                   const char                   *description);
GestCampaignFormValues *gest_campaign_form_values_set_notes       (const GestCampaignFormValues *values,
                                                                   const char                   *labour_notes,
                                                                   const char                   *parts_notes);
GestCampaignFormValues *gest_campaign_form_values_set_dates       (const GestCampaignFormValues *values,
                                                                   const char                   *starts_text,
                                                                   const char                   *ends_text);
GestCampaignFormValues *gest_campaign_form_values_set_needs_parts (const GestCampaignFormValues *values,
                                                                   gboolean                      needs_parts);
GestCampaignFormValues *gest_campaign_form_values_set_show_errors (const GestCampaignFormValues *values,
                                                                   gboolean                      show_errors);
GestCampaignFormValues *gest_campaign_form_values_set_saving      (const GestCampaignFormValues *values,
                                                                   gboolean                      saving);
GestCampaignFormValues *gest_campaign_form_values_set_refusal     (const GestCampaignFormValues *values,
                                                                   const char                   *refusal);
GestCampaignFormState  *gest_campaign_form_widget_state_from_values (const GestCampaignFormValues *values);
void                    gest_campaign_form_state_free (GestCampaignFormState *state);
/* The fields a valid @state saves, borrowing from @values and @state. */
void                    gest_campaign_form_state_fields (const GestCampaignFormState  *state,
                                                         const GestCampaignFormValues *values,
                                                         GestCampaignFields           *out);

/* --- A part: a new one, or its status (S2) ------------------------------------------------ */

typedef enum
{
  GEST_CAMPAIGN_PART_FORM_NUMBER,
  GEST_CAMPAIGN_PART_FORM_PER_VEHICLE,
  GEST_CAMPAIGN_PART_FORM_REQUESTED,
  GEST_CAMPAIGN_PART_FORM_RECEIVED,
  GEST_CAMPAIGN_PART_FORM_EXPECTED,
  GEST_CAMPAIGN_PART_FORM_N_FIELDS
} GestCampaignPartFormField;

typedef struct
{
  gboolean                adding;           /* a new part; else its status */
  char                   *part_number;
  char                   *description;
  char                   *per_vehicle_text;
  char                   *requested_text;
  GestCampaignPartStatus  status;
  char                   *received_text;    /* the total received so far */
  char                   *expected_text;    /* dd/mm/yyyy, the parts area's promise */
  guint                   received_before;  /* what the part had received already */
  gboolean                show_errors;
  gboolean                saving;
  char                   *refusal;
} GestCampaignPartFormValues;

typedef struct
{
  char     *errors[GEST_CAMPAIGN_PART_FORM_N_FIELDS];
  char     *refusal;
  gboolean  add_rows_visible;       /* number, description, quantities */
  gboolean  status_rows_visible;    /* status, received, expected day */
  gboolean  received_visible;       /* status RECEIVED */
  gboolean  expected_visible;       /* ORDERED, BACK_ORDERED */
  gboolean  fields_sensitive;
  gboolean  save_sensitive;
  gboolean  valid;
  char     *part_number;            /* upper case, stripped */
  guint     qty_per_vehicle;
  guint     qty_requested;
  guint     qty_received;
  char     *expected_on;            /* yyyy-mm-dd or NULL */
} GestCampaignPartFormState;

GestCampaignPartFormValues *gest_campaign_part_form_values_new_add    (void);
GestCampaignPartFormValues *gest_campaign_part_form_values_new_status (const GestCampaignPart *part);
GestCampaignPartFormValues *gest_campaign_part_form_values_copy  (const GestCampaignPartFormValues *values);
void                        gest_campaign_part_form_values_free  (GestCampaignPartFormValues       *values);
GestCampaignPartFormValues *gest_campaign_part_form_values_set_part     (const GestCampaignPartFormValues *values,
                                                                         const char                       *part_number,
                                                                         const char                       *description);
GestCampaignPartFormValues *gest_campaign_part_form_values_set_quantities (const GestCampaignPartFormValues *values,
                                                                           const char                       *per_vehicle_text,
                                                                           const char                       *requested_text);
GestCampaignPartFormValues *gest_campaign_part_form_values_set_status   (const GestCampaignPartFormValues *values,
                                                                         GestCampaignPartStatus            status);
GestCampaignPartFormValues *gest_campaign_part_form_values_set_received (const GestCampaignPartFormValues *values,
                                                                         const char                       *received_text);
GestCampaignPartFormValues *gest_campaign_part_form_values_set_expected (const GestCampaignPartFormValues *values,
                                                                         const char                       *expected_text);
GestCampaignPartFormValues *gest_campaign_part_form_values_set_show_errors (const GestCampaignPartFormValues *values,
                                                                            gboolean                          show_errors);
GestCampaignPartFormValues *gest_campaign_part_form_values_set_saving   (const GestCampaignPartFormValues *values,
                                                                         gboolean                          saving);
GestCampaignPartFormValues *gest_campaign_part_form_values_set_refusal  (const GestCampaignPartFormValues *values,
                                                                         const char                       *refusal);
GestCampaignPartFormState  *gest_campaign_part_form_widget_state_from_values (const GestCampaignPartFormValues *values);
void                        gest_campaign_part_form_state_free (GestCampaignPartFormState *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestCampaignFormValues, gest_campaign_form_values_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestCampaignFormState, gest_campaign_form_state_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestCampaignPartFormValues, gest_campaign_part_form_values_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestCampaignPartFormState, gest_campaign_part_form_state_free)

G_END_DECLS
