package cn.szcg.sla.notify.infra;

import cn.szcg.sla.notify.domain.ChannelSender;
import cn.szcg.sla.notify.domain.Contact;
import cn.szcg.sla.notify.domain.Message;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;

/**
 * SMS over SMPP 3.4 (jsmpp): one transceiver session to the operator's SMSC, bound on first use and
 * again after an outage (the worker retries with back-off). Every submit_sm asks for a delivery
 * receipt; a receipt's deliver_sm turns the delivery DELIVERED (or FAILED with its stat). The phone
 * number goes into the PDU's destination address and nowhere else: errors and logs carry the
 * notification id only. {@code user_message_reference} carries a 16-bit digest of the notification
 * id, so that an SMSC or an operator can pair a resubmission with its first attempt.
 */
@ApplicationScoped
public class SmppSender implements ChannelSender {

  private static final Logger LOG = Logger.getLogger(SmppSender.class);

  /** SMPP command_status values that mean "later" (throttled, queue full, system error). */
  private static final java.util.Set<Integer> TRANSIENT = java.util.Set.of(0x58, 0x14, 0x08, 0x45);

  @Inject NotifyStore store;

  @ConfigProperty(name = "szcg.notify.sms.enabled", defaultValue = "false")
  boolean enabled;

  @ConfigProperty(name = "szcg.notify.sms.host", defaultValue = "127.0.0.1")
  String host;

  @ConfigProperty(name = "szcg.notify.sms.port", defaultValue = "2775")
  int port;

  @ConfigProperty(name = "szcg.notify.sms.system-id", defaultValue = "szcg")
  String systemId;

  @ConfigProperty(name = "szcg.notify.sms.password")
  java.util.Optional<String> password;

  @ConfigProperty(name = "szcg.notify.sms.system-type")
  java.util.Optional<String> systemType;

  @ConfigProperty(name = "szcg.notify.sms.source-address", defaultValue = "106900000000")
  String sourceAddress;

  @ConfigProperty(name = "szcg.notify.sms.timeout-ms", defaultValue = "5000")
  long timeoutMs;

  private SMPPSession session;

  /** Receipts are applied here, never on jsmpp's PDU threads (which also read our responses). */
  private final java.util.concurrent.ScheduledExecutorService receipts =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "notify-sms-receipts");
            t.setDaemon(true);
            return t;
          });

  public boolean enabled() {
    return enabled;
  }

  @Override
  public Contact.Channel channel() {
    return Contact.Channel.SMS;
  }

  @Override
  public synchronized String send(Message m) throws SendFailure {
    if (m.phone() == null || m.phone().isBlank()) {
      throw new SendFailure("no phone number in the directory / 通讯录无手机号", false);
    }
    SMPPSession s = bound();
    String text = m.text().length() > 70 ? m.text().substring(0, 69) + "…" : m.text();
    try {
      var r =
          s.submitShortMessage(
              "",
              TypeOfNumber.UNKNOWN,
              NumberingPlanIndicator.UNKNOWN,
              sourceAddress,
              TypeOfNumber.UNKNOWN,
              NumberingPlanIndicator.ISDN,
              m.phone(),
              new ESMClass(),
              (byte) 0,
              (byte) 1,
              null,
              null,
              new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
              (byte) 0,
              new GeneralDataCoding(Alphabet.ALPHA_UCS2),
              (byte) 0,
              text.getBytes(StandardCharsets.UTF_16BE),
              new OptionalParameter.Short(
                  OptionalParameter.Tag.USER_MESSAGE_REFERENCE, reference(m.notificationId())));
      return r.getMessageId();
    } catch (NegativeResponseException e) {
      int status = e.getCommandStatus();
      throw new SendFailure(
          "SMSC refused submit_sm, status 0x" + Integer.toHexString(status),
          TRANSIENT.contains(status));
    } catch (Exception e) {
      drop();
      throw new SendFailure("SMSC unreachable: " + e.getClass().getSimpleName(), true);
    }
  }

  /** The 16-bit user_message_reference of a notification. */
  public static short reference(String notificationId) {
    return (short) (notificationId.hashCode() & 0x7fff);
  }

  private SMPPSession bound() throws SendFailure {
    if (session != null && session.getSessionState().isBound()) {
      return session;
    }
    drop();
    SMPPSession s = new SMPPSession();
    s.setTransactionTimer(timeoutMs);
    s.setMessageReceiverListener(new Receipts());
    try {
      s.connectAndBind(
          host,
          port,
          new BindParameter(
              BindType.BIND_TRX,
              systemId,
              password.orElse(""),
              systemType.orElse(""),
              TypeOfNumber.UNKNOWN,
              NumberingPlanIndicator.UNKNOWN,
              null),
          timeoutMs);
    } catch (IOException e) {
      s.close();
      throw new SendFailure("SMSC bind failed: " + e.getClass().getSimpleName(), true);
    }
    LOG.infof("SMPP session bound to %s:%d as %s", host, port, systemId);
    session = s;
    return s;
  }

  private synchronized void drop() {
    if (session != null) {
      try {
        session.unbindAndClose();
      } catch (RuntimeException e) {
        // closing a broken session
      }
      session = null;
    }
  }

  /**
   * Applies a receipt; it may overtake the commit of SENT (which records the SMSC's message id), so
   * it is tried again every 200 ms for up to 6 s before the delivery is left SENT.
   */
  void apply(String messageId, boolean delivered, String stat, int tries) {
    receipts.schedule(
        () -> {
          try {
            if (store.markDelivered(Contact.Channel.SMS, messageId, delivered, stat) == 0
                && tries < 30) {
              apply(messageId, delivered, stat, tries + 1);
            }
          } catch (RuntimeException e) {
            LOG.warnf("delivery receipt not recorded: %s", e.getClass().getSimpleName());
          }
        },
        tries == 0 ? 0 : 200,
        java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void close() {
    drop();
    receipts.shutdownNow();
  }

  /** Delivery receipts (deliver_sm with the SMSC delivery receipt flag). */
  final class Receipts implements MessageReceiverListener {
    @Override
    public void onAcceptDeliverSm(DeliverSm d) throws ProcessRequestException {
      if (!MessageType.SMSC_DEL_RECEIPT.containedIn(d.getEsmClass())) {
        return;
      }
      try {
        DeliveryReceipt r = d.getShortMessageAsDeliveryReceipt();
        DeliveryReceiptState st = r.getFinalStatus();
        apply(r.getId(), st == DeliveryReceiptState.DELIVRD, String.valueOf(st), 0);
      } catch (Exception e) {
        LOG.warnf("unreadable delivery receipt: %s", e.getClass().getSimpleName());
      }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification a) {
      // not used
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm d, Session s) throws ProcessRequestException {
      throw new ProcessRequestException("data_sm not supported", 0x03);
    }
  }
}
