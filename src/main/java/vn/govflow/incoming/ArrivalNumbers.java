package vn.govflow.incoming;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register's arrival numbers (số đến), gapless per agency and year: the year's row stays locked until the
 * registering transaction ends, so a refused registration consumes no number.
 */
@Component
class ArrivalNumbers {
  private final IncomingMapper mapper;
  private final TransactionTemplate newTransaction;

  ArrivalNumbers(IncomingMapper mapper, PlatformTransactionManager transactions) {
    this.mapper = mapper;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next number, taken in the caller's transaction (which must be there: it holds the lock). */
  long next(String agencyCode, int year) {
    ensureSequence(agencyCode, year);
    long number = mapper.lockSequence(agencyCode, year) + 1;
    mapper.advanceSequence(agencyCode, year, number);
    return number;
  }

  /** Locks the year's register in the caller's transaction without taking a number (for closing it). */
  void lock(String agencyCode, int year) {
    ensureSequence(agencyCode, year);
    mapper.lockSequence(agencyCode, year);
  }

  private void ensureSequence(String agencyCode, int year) {
    // Created in its own transaction: a concurrent first registration of the year may win the insert.
    try {
      newTransaction.executeWithoutResult(s -> mapper.createSequence(agencyCode, year));
    } catch (DuplicateKeyException alreadyThere) {
      // the row exists: fine
    }
  }
}
