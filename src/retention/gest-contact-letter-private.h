/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-contact-letter.h"
#include "gest-retention-workflow.h"
#include "gest-template.h"

G_BEGIN_DECLS

/* Shared by gest-contact-script.c, gest-contact-letter.c and gest-contact-promotions.c. */

/* Who may create, change and delete promotions (S15): the service manager and the general
 * manager; who prints the letters: whoever works the queue. */
#define GEST_CONTACT_PERMISSION_PROMOTIONS GEST_RETENTION_PERMISSION_PROMOTIONS
#define GEST_CONTACT_PERMISSION_LETTERS    GEST_RETENTION_PERMISSION_CALLS

/* The placeholders' values of one contact (S6, S8, S15): name → UTF-8 string. @promotions_day
 * (yyyy-mm-dd) the day whose promotions are told, NULL for none (the data-use rule). */
GHashTable *gest_contact_values_new       (GestStore    *store,
                                           const char   *source,
                                           const char   *record_uuid,
                                           const char   *customer_uuid,
                                           const char   *vehicle_uuid,
                                           const char   *promotions_day,
                                           GError      **error);
/* @text resolved with @values; the open field actions (S8) are added as a last paragraph
 * when the template did not tell them. */
char       *gest_contact_resolve          (const char         *text,
                                           GHashTable         *values,
                                           GestTemplateEscape  escape);
/* "Promociones vigentes: …" for @day, or "" when none. */
char       *gest_contact_promotions_text  (GestStore    *store,
                                           const char   *day,
                                           GError      **error);
/* The dealer's day (yyyy-mm-dd) of @at. */
char       *gest_contact_day_of           (gint64        at);

G_END_DECLS
