package cn.szcg.sla.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.jsmpp.util.RandomMessageIDGenerator;

/**
 * A real SMPP server endpoint in-process (jsmpp's {@link SMPPServerSessionListener}): accepts
 * binds, records every submit_sm (destination, text, when) and answers with a delivery receipt.
 * {@link #stop()} closes the port and every session (the SMSC is down), {@link #start()} opens it
 * again.
 */
public final class TestSmsc implements ServerMessageReceiverListener {

  /** One submit_sm received. */
  public record Submitted(
      String messageId, String destination, String text, short userRef, long receivedAtMillis) {}

  private final int port;
  private final List<Submitted> submitted = new CopyOnWriteArrayList<>();
  private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final RandomMessageIDGenerator ids = new RandomMessageIDGenerator();
  private volatile SMPPServerSessionListener listener;
  private volatile boolean receipts = true;

  public TestSmsc(int port) {
    this.port = port;
  }

  public List<Submitted> submitted() {
    return submitted;
  }

  public List<Submitted> to(String destination, String textContains) {
    return submitted.stream()
        .filter(s -> s.destination().equals(destination) && s.text().contains(textContains))
        .toList();
  }

  public boolean running() {
    return listener != null;
  }

  public synchronized void start() throws IOException {
    if (listener != null) {
      return;
    }
    SMPPServerSessionListener l = new SMPPServerSessionListener(port);
    l.setMessageReceiverListener(this);
    listener = l;
    Thread accept =
        new Thread(
            () -> {
              while (listener == l) {
                try {
                  SMPPServerSession s = l.accept();
                  workers.submit(() -> bind(s));
                } catch (IOException e) {
                  return;
                }
              }
            },
            "test-smsc-accept");
    accept.setDaemon(true);
    accept.start();
  }

  private void bind(SMPPServerSession s) {
    try {
      BindRequest b = s.waitForBind(5000);
      b.accept("test-smsc");
      sessions.add(s);
    } catch (Exception e) {
      s.close();
    }
  }

  public synchronized void stop() {
    SMPPServerSessionListener l = listener;
    listener = null;
    if (l != null) {
      try {
        l.close();
      } catch (IOException e) {
        // closing
      }
    }
    for (SMPPServerSession s : sessions) {
      s.close();
    }
    sessions.clear();
  }

  public void close() {
    stop();
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession source)
      throws ProcessRequestException {
    MessageId id = ids.newMessageId();
    short ref = 0;
    OptionalParameter p = sm.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE);
    if (p instanceof OptionalParameter.Short s) {
      ref = s.getValue();
    }
    submitted.add(
        new Submitted(
            id.getValue(),
            sm.getDestAddress(),
            new String(sm.getShortMessage(), StandardCharsets.UTF_16BE),
            ref,
            System.currentTimeMillis()));
    if (receipts) {
      workers.submit(() -> receipt(source, sm, id.getValue()));
    }
    return new SubmitSmResult(id, new OptionalParameter[0]);
  }

  private void receipt(SMPPServerSession s, SubmitSm sm, String id) {
    try {
      Thread.sleep(50);
      DeliveryReceipt r =
          new DeliveryReceipt(
              id, 1, 1, new Date(), new Date(), DeliveryReceiptState.DELIVRD, "000", "");
      s.deliverShortMessage(
          "",
          TypeOfNumber.UNKNOWN,
          NumberingPlanIndicator.UNKNOWN,
          sm.getDestAddress(),
          TypeOfNumber.UNKNOWN,
          NumberingPlanIndicator.UNKNOWN,
          sm.getSourceAddr(),
          new ESMClass(
              MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
          (byte) 0,
          (byte) 0,
          new RegisteredDelivery(0),
          new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
          r.toString().getBytes(StandardCharsets.US_ASCII));
    } catch (Exception e) {
      // the session went away: no receipt
    }
  }

  @Override
  public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti m, SMPPServerSession s)
      throws ProcessRequestException {
    throw new ProcessRequestException("not supported", 0x03);
  }

  @Override
  public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession s)
      throws ProcessRequestException {
    throw new ProcessRequestException("not supported", 0x03);
  }

  @Override
  public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession s) throws ProcessRequestException {
    throw new ProcessRequestException("not supported", 0x03);
  }

  @Override
  public void onAcceptCancelSm(CancelSm c, SMPPServerSession s) throws ProcessRequestException {
    throw new ProcessRequestException("not supported", 0x03);
  }

  @Override
  public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession s)
      throws ProcessRequestException {
    throw new ProcessRequestException("not supported", 0x03);
  }

  @Override
  public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession s)
      throws ProcessRequestException {
    throw new ProcessRequestException("not supported", 0x03);
  }

  @Override
  public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession s)
      throws ProcessRequestException {
    throw new ProcessRequestException("not supported", 0x03);
  }

  @Override
  public DataSmResult onAcceptDataSm(DataSm d, Session s) throws ProcessRequestException {
    throw new ProcessRequestException("not supported", 0x03);
  }
}
