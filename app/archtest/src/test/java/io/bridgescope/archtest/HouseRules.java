package io.bridgescope.archtest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The house rules of docs/architecture.md that the module direction alone does not enforce, as
 * ArchUnit rules. {@link HouseRulesTest} checks them on the code; {@link HouseRulesCatchTest}
 * proves each one fails on a small class that breaks it (samples/), so none can pass by matching
 * nothing. The patterns are relative ({@code ..wallet..}) so that the samples fall under them too.
 */
final class HouseRules {

  private HouseRules() {}

  /**
   * Static fields that are allowed to change, each with its reason. {@code Output.current}: the
   * CLI's owner of stdout for the run, mirroring {@code System.out}, which is process-wide itself.
   */
  static final Set<String> MUTABLE_STATIC_EXCEPTIONS = Set.of("io.bridgescope.cli.Output.current");

  private static final Set<String> MUTABLE_TYPES =
      Set.of(
          "java.util.ArrayList",
          "java.util.LinkedList",
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.TreeMap",
          "java.util.EnumMap",
          "java.util.HashSet",
          "java.util.LinkedHashSet",
          "java.util.TreeSet",
          "java.util.ArrayDeque",
          "java.lang.StringBuilder");

  /** No static field is reassignable. */
  static final ArchRule STATIC_FIELDS_ARE_FINAL =
      fields()
          .that()
          .areStatic()
          .and(notNamedIn(MUTABLE_STATIC_EXCEPTIONS))
          .should()
          .beFinal()
          .because("house style rule 4: no mutable static state")
          .allowEmptyShould(false);

  /**
   * A static array is never shared beyond its class: anyone holding it could change it for all.
   * Private constant tables (the BN254 NAF digits, ABI selectors) stay arrays for speed; what is
   * offered to others is a copy (e.g. {@code BridgeMessages.domainStateReceiver()}).
   */
  static final ArchRule STATIC_ARRAYS_ARE_PRIVATE =
      fields()
          .that()
          .areStatic()
          .and(arrays())
          .and()
          .doNotHaveModifier(JavaModifier.SYNTHETIC)
          .should()
          .bePrivate()
          .because("house style rule 4: a shared static array is mutable static state")
          .allowEmptyShould(false);

  /** No static field holds a collection, builder or atomic that can be changed in place. */
  static final ArchRule NO_STATIC_MUTABLE_HOLDERS =
      fields()
          .that()
          .areStatic()
          .should(notHaveAMutableType())
          .because("house style rule 4: no mutable static state")
          .allowEmptyShould(false);

  /** Views (FXML controllers) talk to their ViewModel, never to services behind it. */
  static final ArchRule VIEWS_USE_NO_SERVICES =
      noClasses()
          .that(areFxmlViews())
          .should()
          .dependOnClassesThat(areServices())
          .because(
              "house style rule 2: a View binds its ViewModel; work and data go through the"
                  + " ViewModel")
          .allowEmptyShould(false);

  /**
   * A View binds the ViewModels of its own screen (its package, or the shared ones in common), not
   * another screen's. The shell frames every screen, so it also binds the status bar's and the
   * bell's.
   */
  static final ArchRule VIEWS_BIND_ONLY_THEIR_VIEWMODEL =
      com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
          .that(areFxmlViews())
          .should(useOnlyTheirOwnViewModels())
          .because("house style rule 2: a screen is its View and its ViewModel")
          .allowEmptyShould(false);

  static final Map<String, Set<String>> VIEWMODEL_EXCEPTIONS =
      Map.of(
          "io.bridgescope.desktop.shell.MainView",
          Set.of("io.bridgescope.desktop.status", "io.bridgescope.desktop.notify"));

  /** The one place threads are made. */
  static final String THREAD_FACTORY = "io.bridgescope.core.concurrent.Threads";

  /**
   * Threads come only from {@code core.concurrent.Threads}: no {@code new Thread}, no {@code
   * Executors}, no pools built by hand, and nothing that runs on the common pool.
   */
  static final ArchRule THREADS_ONLY_FROM_THE_FACTORY =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(THREAD_FACTORY)
          .should()
          .callCodeUnitWhere(makesAThread())
          .because(
              "house style rule 3: threads are named daemons made in one place, and the common"
                  + " pool is not ours to fill")
          .allowEmptyShould(false);

  /** Only the CLI writes to the console; everything else logs. */
  static final ArchRule ONLY_THE_CLI_PRINTS =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.bridgescope.cli..")
          .should()
          .accessFieldWhere(consoleStream())
          .orShould()
          .callMethodWhere(printsAStackTrace())
          .because("output belongs to the CLI (its --json contract); the rest logs through slf4j")
          .allowEmptyShould(false);

  /**
   * The wallet's errors are typed ({@code WalletException}, {@code KeystoreException}): it does not
   * wrap a cause in a bare {@code IllegalStateException} or {@code RuntimeException}.
   */
  static final ArchRule WALLET_ERRORS_ARE_TYPED =
      noClasses()
          .that()
          .resideInAPackage("..wallet..")
          .should()
          .callCodeUnitWhere(wrapsACauseBare())
          .because("house style rule 8: errors users can hit are typed and say what to do")
          .allowEmptyShould(false);

  static List<ArchRule> all() {
    return List.of(
        STATIC_FIELDS_ARE_FINAL,
        STATIC_ARRAYS_ARE_PRIVATE,
        NO_STATIC_MUTABLE_HOLDERS,
        VIEWS_USE_NO_SERVICES,
        VIEWS_BIND_ONLY_THEIR_VIEWMODEL,
        THREADS_ONLY_FROM_THE_FACTORY,
        ONLY_THE_CLI_PRINTS,
        WALLET_ERRORS_ARE_TYPED);
  }

  private static DescribedPredicate<JavaField> notNamedIn(Set<String> names) {
    return DescribedPredicate.describe(
        "are not one of " + names, f -> !names.contains(f.getFullName()));
  }

  private static DescribedPredicate<JavaField> arrays() {
    return DescribedPredicate.describe("are arrays", f -> f.getRawType().isArray());
  }

  private static ArchCondition<JavaField> notHaveAMutableType() {
    return new ArchCondition<>("not have a mutable collection, builder or atomic type") {
      @Override
      public void check(JavaField f, ConditionEvents events) {
        String type = f.getRawType().getName();
        boolean mutable =
            MUTABLE_TYPES.contains(type) || type.startsWith("java.util.concurrent.atomic.");
        events.add(
            new SimpleConditionEvent(
                f, !mutable, f.getFullName() + " has the mutable type " + type));
      }
    };
  }

  /** An FXML controller: a class named ...View with an {@code @FXML} member. */
  static DescribedPredicate<JavaClass> areFxmlViews() {
    return DescribedPredicate.describe(
        "are FXML Views",
        c ->
            c.getSimpleName().endsWith("View")
                && (c.getFields().stream().anyMatch(f -> f.isAnnotatedWith("javafx.fxml.FXML"))
                    || c.getMethods().stream()
                        .anyMatch(m -> m.isAnnotatedWith("javafx.fxml.FXML"))));
  }

  /**
   * What only a ViewModel may use: the engine and its ports, the task runner and executors, the
   * devnet, JDBC, HTTP, web3j, and core's services (its records and enums are values, fine to
   * show).
   */
  static DescribedPredicate<JavaClass> areServices() {
    return DescribedPredicate.describe(
        "are services (engine, ports, executors, devnet, JDBC, HTTP, web3j, core services)",
        c -> {
          String p = c.getPackageName();
          if (p.startsWith("io.bridgescope.desktop.engine")
              || p.startsWith("io.bridgescope.desktop.concurrent")
              || p.startsWith("io.bridgescope.devnet")
              || p.startsWith("io.bridgescope.cli")
              || p.startsWith("org.web3j")
              || p.startsWith("java.sql")
              || p.startsWith("java.net.http")) {
            return true;
          }
          if (c.isInterface()
              && p.startsWith("io.bridgescope.desktop")
              && (c.getSimpleName().endsWith("Source") || c.getSimpleName().endsWith("Port"))) {
            return true;
          }
          return p.startsWith("io.bridgescope.core")
              && !c.isRecord()
              && !c.isEnum()
              && !c.isAssignableTo(Throwable.class);
        });
  }

  private static ArchCondition<JavaClass> useOnlyTheirOwnViewModels() {
    return new ArchCondition<>("use only the ViewModels of their own screen") {
      @Override
      public void check(JavaClass view, ConditionEvents events) {
        Set<String> allowed = VIEWMODEL_EXCEPTIONS.getOrDefault(view.getName(), Set.of());
        view.getDirectDependenciesFromSelf().stream()
            .map(d -> outermost(d.getTargetClass()))
            .filter(t -> t.getSimpleName().endsWith("ViewModel"))
            .distinct()
            .forEach(
                vm -> {
                  String p = vm.getPackageName();
                  boolean own =
                      p.equals(view.getPackageName())
                          || p.equals("io.bridgescope.desktop.common")
                          || allowed.contains(p);
                  events.add(
                      new SimpleConditionEvent(
                          view,
                          own,
                          view.getName() + " uses " + vm.getName() + " of another screen"));
                });
      }
    };
  }

  private static JavaClass outermost(JavaClass c) {
    JavaClass at = c;
    while (at.getEnclosingClass().isPresent()) {
      at = at.getEnclosingClass().get();
    }
    return at;
  }

  private static DescribedPredicate<JavaCall<?>> makesAThread() {
    return DescribedPredicate.describe(
        "make a thread, an executor, or use the common pool",
        call -> {
          JavaClass owner = call.getTargetOwner();
          String name = call.getName();
          String o = owner.getName();
          if (name.equals("<init>")) {
            return owner.isAssignableTo(Thread.class)
                || o.equals("java.util.concurrent.ThreadPoolExecutor")
                || o.equals("java.util.concurrent.ScheduledThreadPoolExecutor")
                || o.equals("java.util.concurrent.ForkJoinPool")
                || o.equals("java.util.Timer");
          }
          if (o.equals("java.util.concurrent.Executors")) {
            return true;
          }
          if (o.equals("java.util.concurrent.ForkJoinPool") && name.equals("commonPool")) {
            return true;
          }
          if (o.equals("java.util.concurrent.CompletableFuture")
              && (name.equals("runAsync") || name.equals("supplyAsync"))) {
            return call.getTarget().getRawParameterTypes().size() == 1; // no executor given
          }
          return (name.equals("parallelStream") && owner.isAssignableTo(java.util.Collection.class))
              || (name.equals("parallel")
                  && owner.isAssignableTo(java.util.stream.BaseStream.class));
        });
  }

  private static DescribedPredicate<JavaFieldAccess> consoleStream() {
    return DescribedPredicate.describe(
        "is System.out or System.err",
        a ->
            a.getTargetOwner().isEquivalentTo(System.class)
                && (a.getName().equals("out") || a.getName().equals("err")));
  }

  private static DescribedPredicate<JavaCall<?>> printsAStackTrace() {
    return DescribedPredicate.describe(
        "is Throwable.printStackTrace",
        c ->
            c.getName().equals("printStackTrace")
                && c.getTargetOwner().isAssignableTo(Throwable.class));
  }

  private static DescribedPredicate<JavaCall<?>> wrapsACauseBare() {
    return DescribedPredicate.describe(
        "construct an IllegalStateException or RuntimeException around a cause",
        c -> {
          String o = c.getTargetOwner().getName();
          // a typed exception hands its cause to its superclass: that is the typed way
          return !c.getOriginOwner().isAssignableTo(Throwable.class)
              && c.getName().equals("<init>")
              && (o.equals("java.lang.IllegalStateException")
                  || o.equals("java.lang.RuntimeException"))
              && c.getTarget().getRawParameterTypes().stream()
                  .anyMatch(t -> t.isEquivalentTo(Throwable.class));
        });
  }
}
