/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-mail-service"

#include "config.h"

#include "gest-domain-module.h"
#include "gest-mail-sender.h"
#include "gest-mail-service.h"
#include "gest-periodic-worker.h"

/* What the rounds keep between them; worker thread only. */
typedef struct
{
  char      *db_path;
  GestStore *store;
  char      *last_error;
} Round;

typedef struct
{
  guint  sent;
  guint  failed;
  char  *error_message;
} Report;

struct _GestMailService
{
  GObject             parent_instance;

  GestPeriodicWorker *worker;
};

G_DEFINE_FINAL_TYPE (GestMailService, gest_mail_service, G_TYPE_OBJECT)

enum {
  DRAINED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
round_free (Round *round)
{
  g_free (round->db_path);
  g_clear_object (&round->store);
  g_free (round->last_error);
  g_free (round);
}

static void
report_free (Report *report)
{
  g_free (report->error_message);
  g_free (report);
}

static void
report_cb (gpointer owner,
           gpointer result)
{
  Report *report = result;

  g_signal_emit (owner, signals[DRAINED], 0, report->sent, report->failed, report->error_message);
}

static void
drain_round (GestPeriodicWorker *worker,
             gpointer            round_data,
             GCancellable       *cancellable)
{
  Round *round = round_data;
  g_autoptr(GError) error = NULL;
  Report *report;
  guint sent = 0;
  guint failed = 0;

  if (round->store == NULL)
    round->store = gest_store_open (round->db_path, &error);

  if (round->store != NULL)
    {
      GPtrArray *modules = gest_domain_modules_get ();

      /* The modules' scheduled mail first, so that it goes out in this round. */
      for (guint i = 0; i < modules->len && error == NULL; i++)
        gest_domain_module_queue_due_mail (g_ptr_array_index (modules, i), round->store,
                                           g_get_real_time (), &error);
      if (error == NULL)
        gest_mail_sender_drain_full (round->store, cancellable, &sent, &failed, &error);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* An incomplete setup fails the same way every minute: say it once. */
  if (error != NULL && g_strcmp0 (error->message, round->last_error) == 0 && sent == 0 && failed == 0)
    return;

  g_free (round->last_error);
  round->last_error = error != NULL ? g_strdup (error->message) : NULL;

  if (sent == 0 && failed == 0 && error == NULL)
    return;

  report = g_new0 (Report, 1);
  report->sent = sent;
  report->failed = failed;
  report->error_message = error != NULL ? g_strdup (error->message) : NULL;
  gest_periodic_worker_deliver (worker, report_cb, report, (GDestroyNotify) report_free);
}

static void
gest_mail_service_dispose (GObject *object)
{
  GestMailService *self = GEST_MAIL_SERVICE (object);

  gest_mail_service_stop (self);

  G_OBJECT_CLASS (gest_mail_service_parent_class)->dispose (object);
}

static void
gest_mail_service_finalize (GObject *object)
{
  GestMailService *self = GEST_MAIL_SERVICE (object);

  g_clear_object (&self->worker);

  G_OBJECT_CLASS (gest_mail_service_parent_class)->finalize (object);
}

static void
gest_mail_service_class_init (GestMailServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gest_mail_service_dispose;
  object_class->finalize = gest_mail_service_finalize;

  /**
   * GestMailService::drained:
   * @sent: emails sent in this run
   * @failed: emails that failed in this run (retried later)
   * @error_message: (nullable): why the run could not start (settings, keyring, database)
   */
  signals[DRAINED] = g_signal_new ("drained", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                   G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING);
}

static void
gest_mail_service_init (GestMailService *self)
{
}

GestMailService *
gest_mail_service_new (GestStore *store)
{
  GestMailService *self;
  Round *round;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  self = g_object_new (GEST_TYPE_MAIL_SERVICE, NULL);

  round = g_new0 (Round, 1);
  round->db_path = g_strdup (gest_store_get_path (store));
  self->worker = gest_periodic_worker_new ("gest-mail", GEST_MAIL_SERVICE_INTERVAL_SECONDS, self,
                                           drain_round, round, (GDestroyNotify) round_free);

  return self;
}

void
gest_mail_service_start (GestMailService *self)
{
  g_return_if_fail (GEST_IS_MAIL_SERVICE (self));

  gest_periodic_worker_start (self->worker);
}

void
gest_mail_service_kick (GestMailService *self)
{
  g_return_if_fail (GEST_IS_MAIL_SERVICE (self));

  gest_periodic_worker_run_now (self->worker);
}

void
gest_mail_service_stop (GestMailService *self)
{
  g_return_if_fail (GEST_IS_MAIL_SERVICE (self));

  gest_periodic_worker_stop (self->worker);
}
