/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-domain-module.h"
#include "gest-store.h"
#include "gest-templates.h"

G_BEGIN_DECLS

/* What the coordinator says and sends (S6, S8, S15): the call script, the letter or email after
 * the fifth failed attempt, and the dealer's current promotions. Texts are templates
 * (gest-template.h) of the kinds "retention.script", "retention.letter" and "retention.email",
 * with placeholders customer.*, vehicle.*, campaigns.open (S8, always resolved when the
 * vehicle has open field actions), reason, promotions.current, dealer.* (name, phones for
 * reservations, address) and user.name.
 *
 * The data-use rule: contact data that came only with a campaign's VIN list
 * (gest_campaign_customer_is_recall_only()) serves only that recall: a letter or email for
 * another reason is never made from it, and a letter for the recall tells no promotions. */

#define GEST_CONTACT_TEMPLATE_SCRIPT "retention.script"
#define GEST_CONTACT_TEMPLATE_LETTER "retention.letter"
#define GEST_CONTACT_TEMPLATE_EMAIL  "retention.email"

/* The mail outbox's purpose of the S15 emails (record_uuid: the contact target). */
#define GEST_CONTACT_LETTER_PURPOSE  "contact-letter"

/* Registers the three template kinds (idempotent) and creates the default Spanish templates
 * the first time they are asked for. */
void     gest_contact_templates_init (void);
/* Stores the default Spanish template of each of the three kinds that has none yet (in the
 * caller's transaction when there is one). The preferences page calls it before listing. */
gboolean gest_contact_templates_ensure_defaults (GestStore  *store,
                                                 GError    **error);
/* The template used for @kind: the first stored one by name, else the default (uuid NULL).
 * Read-only. */
GestTemplateRecord *gest_contact_template_get (GestStore    *store,
                                               const char   *kind,
                                               GError      **error);

/* The call script of a queue row resolved for its customer, vehicle and reason (plain text). */
char    *gest_contact_script_resolve (GestStore    *store,
                                      const char   *source,
                                      const char   *record_uuid,
                                      GError      **error);

/* S15: called by gest_contact_call_record() inside the fifth failure's transaction: creates
 * the target's contact_letters row, by email through the mail outbox (purpose
 * "contact-letter") when the customer has an email the rule lets us use, else as a letter to
 * print; none when the rule forbids both (logged on the target, not an error). */
gboolean gest_contact_letter_create  (GestStore    *store,
                                      const char   *target_uuid,
                                      gint64        now,
                                      GError      **error);

/* The mail outbox delivered an S15 email (GestDomainModule.mail_sent of the retention module:
 * `iface->mail_sent = gest_contact_letter_mail_sent;`): stamps the letter's sent_at and logs
 * it on the target. Other purposes are ignored. */
gboolean gest_contact_letter_mail_sent (GestDomainModule *module,
                                        GestStore        *store,
                                        const char       *purpose,
                                        const char       *record_uuid,
                                        gint64            sent_at,
                                        GError          **error);

/* Letters waiting to be printed: GPtrArray of letter uuids, oldest first. */
GPtrArray *gest_contact_letters_to_print (GestStore  *store,
                                          GError    **error);
/* One print-ready PDF of @letter_uuids (each letter starts on its own page), through
 * gest-letter-pdf. Blocking and slow: call it in a thread. */
GBytes  *gest_contact_letters_render  (GestStore    *store,
                                       GPtrArray    *letter_uuids,
                                       GCancellable *cancellable,
                                       GError      **error);
/* After printing: stores each letter's PDF as a document of the target and stamps printed_at. */
gboolean gest_contact_letters_mark_printed (GestStore  *store,
                                            GPtrArray  *letter_uuids,
                                            gint64      now,
                                            GError    **error);

/* --- Promotions --------------------------------------------------------------------------- */

typedef struct
{
  char *uuid;
  char *title;
  char *body;
  char *valid_from;   /* yyyy-mm-dd */
  char *valid_to;
} GestPromotion;

void       gest_promotion_free    (GestPromotion *promotion);
/* The promotions valid on @day (yyyy-mm-dd), or all live ones when @day is NULL. */
GPtrArray *gest_promotions_list   (GestStore           *store,
                                   const char          *day,
                                   GError             **error);
/* Creates (uuid NULL) or updates; refused: no title, valid_to before valid_from. */
gboolean   gest_promotion_save    (GestStore           *store,
                                   const GestPromotion *promotion,
                                   char               **out_uuid,
                                   GError             **error);
gboolean   gest_promotion_delete  (GestStore           *store,
                                   const char          *uuid,
                                   GError             **error);

G_END_DECLS
