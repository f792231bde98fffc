package vn.govflow.documents;

/**
 * The receiving side of the exchange, implemented by the incoming documents of this instance (and, later, by
 * the national axis connector for agencies outside the province). The sender never writes the receiver's tables.
 */
public interface DocumentReceiving {
  /**
   * Puts the dispatch in the recipient agency's electronic inbox, where its clerk checks the signatures and
   * registers or refuses it (Art 21.2). Runs in the sender's transaction: issuing and arriving commit together.
   * Reports {@link DeliveryStatus#ARRIVED} through {@link DeliveryStatusListener}.
   */
  void receive(DocumentDispatch dispatch);

  /**
   * The sender recalls the dispatch (Art 18.4): the recipient removes it from its register, keeps the recall's
   * metadata (App VI §III.8) and tells its people, with the reason.
   */
  void recall(String dispatchId, String reason);
}
