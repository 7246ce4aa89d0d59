package io.bridgescope.desktop.testing;

import io.bridgescope.desktop.concurrent.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs tasks on the calling thread at once, recording their names; for ViewModel tests. */
public final class DirectTaskRunner implements TaskRunner {

  public final List<String> started = new ArrayList<>();

  @Override
  public <T> Cancellable run(
      String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
    started.add(name);
    try {
      onSuccess.accept(work.call());
    } catch (Exception e) {
      onError.accept(e);
    }
    return new Cancellable() {
      @Override
      public void cancel() {}

      @Override
      public boolean isDone() {
        return true;
      }
    };
  }
}
