/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-contact-queue.h"

G_BEGIN_DECLS

/* The call panel's form (S6, S8), after gnome-calendar's values-struct pattern: an immutable
 * values struct with pure setters (each returns a new struct) and a pure
 * widget_state_from_values() that says what the panel shows: which field is in error and with
 * which words, which outcome buttons can be pressed. Tested without a display
 * (tests/retention/test-retention-forms.c); gest_contact_call_record() checks the same rules
 * again (and the S8 rule, whose refusal lists the vehicle's open field actions) when it saves. */

typedef enum
{
  GEST_CONTACT_CALL_FIELD_NUMBER,
  GEST_CONTACT_CALL_FIELD_CALL_BACK,
  GEST_CONTACT_CALL_FIELD_ACTIONS,
  GEST_CONTACT_CALL_N_FIELDS
} GestContactCallField;

typedef struct
{
  gint64    now;              /* the moment the panel measures "later" against */
  char     *number;           /* the number dialled; NULL or "" when none chosen */
  char     *call_back_text;   /* "dd/mm/yyyy hh:mm" as typed */
  char    **open_actions;     /* codes of the vehicle's open field actions (S8) */
  char    **actions_told;     /* the codes checked: told to the customer */
  char     *note;
  gboolean  saving;
  char     *refusal;          /* the model's refusal, shown in full */
} GestContactCallValues;

typedef struct
{
  char     *errors[GEST_CONTACT_CALL_N_FIELDS];
  char     *refusal;
  gint64    call_back_at;                        /* 0 unless the text is a valid later time */
  gboolean  outcome_sensitive[GEST_N_CALL_OUTCOMES];
  gboolean  fields_sensitive;
  gboolean  actions_visible;
  char     *actions_told;                        /* "24S12 23B05": what the call records */
} GestContactCallState;

GestContactCallValues *gest_contact_call_values_new   (gint64                       now,
                                                       const char                  *number,
                                                       const char * const          *open_actions);
GestContactCallValues *gest_contact_call_values_copy  (const GestContactCallValues *values);
void                   gest_contact_call_values_free  (GestContactCallValues       *values);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestContactCallValues, gest_contact_call_values_free)

GestContactCallValues *gest_contact_call_values_set_number    (const GestContactCallValues *values,
                                                               const char                  *number);
GestContactCallValues *gest_contact_call_values_set_call_back (const GestContactCallValues *values,
                                                               const char                  *text);
/* Checks (@told TRUE) or unchecks one open field action. */
GestContactCallValues *gest_contact_call_values_set_told      (const GestContactCallValues *values,
                                                               const char                  *code,
                                                               gboolean                     told);
GestContactCallValues *gest_contact_call_values_set_note      (const GestContactCallValues *values,
                                                               const char                  *note);
GestContactCallValues *gest_contact_call_values_set_saving    (const GestContactCallValues *values,
                                                               gboolean                     saving);
GestContactCallValues *gest_contact_call_values_set_refusal   (const GestContactCallValues *values,
                                                               const char                  *refusal);

GestContactCallState  *gest_contact_call_widget_state_from_values (const GestContactCallValues *values);
void                   gest_contact_call_state_free (GestContactCallState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestContactCallState, gest_contact_call_state_free)

/* "dd/mm/yyyy hh:mm" (or "dd/mm/yyyy h:mm") in the dealer's time zone to unix µs; FALSE when
 * the text is not such a moment. */
gboolean gest_contact_call_parse_moment (const char *text,
                                         gint64     *out);

G_END_DECLS
