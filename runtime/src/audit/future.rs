//! Futures: [`Observed`] finishes an audited call when the future it returns
//! completes (or panics, or is dropped), and [`WithActor`] carries an actor across
//! every poll of a future, on any executor and thread.

// The runtime is `no_std`; auditing needs the standard library.
use std::prelude::rust_2021::*;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use super::call::Call;
use super::outcome::Finish;

/// A future returned by an audited function: its call is finished with the outcome
/// read from the output, when the future completes.
pub struct Observed<F, P> {
    call: Option<Call>,
    polled: bool,
    future: F,
    probe: P,
}

impl<F, P> Observed<F, P>
where
    F: Future,
    P: for<'v> FnMut(&'v F::Output) -> Finish<'v>,
{
    /// Observes `future` for `call`; `probe` reads the outcome from its output.
    pub fn new(call: Call, future: F, probe: P) -> Self {
        Observed {
            call: Some(call),
            polled: false,
            future,
            probe,
        }
    }
}

impl<F, P> Future for Observed<F, P>
where
    F: Future,
    P: for<'v> FnMut(&'v F::Output) -> Finish<'v>,
{
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        // SAFETY: `future` is pinned structurally: it is never moved out of `self` or
        // replaced, `Observed` has no `Drop` of its own, and it is `Unpin` only when
        // `F` is (the auto trait). The other fields are never pinned.
        let this = unsafe { self.get_unchecked_mut() };
        // SAFETY: see above; `this.future` stays where it is until it is dropped.
        let future = unsafe { Pin::new_unchecked(&mut this.future) };
        if !std::mem::replace(&mut this.polled, true) {
            if let Some(call) = &mut this.call {
                call.first_poll();
            }
        }
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| future.poll(cx))) {
            Ok(Poll::Ready(value)) => {
                if let Some(call) = this.call.take() {
                    call.finish((this.probe)(&value));
                }
                Poll::Ready(value)
            }
            Ok(Poll::Pending) => Poll::Pending,
            Err(payload) => {
                if let Some(call) = this.call.take() {
                    call.panicked(&*payload);
                }
                std::panic::resume_unwind(payload)
            }
        }
    }
}

/// Runs `future` with `actor` as the actor of every event it causes: the actor is
/// set around each poll, so it holds across `.await` on any executor and thread.
/// Wrap a spawned task the same way to carry the actor into it.
///
/// ```
/// use std::sync::Arc;
/// use palisade::audit::{self, MemorySink};
///
/// #[palisade::audit_log]
/// async fn step() {}
///
/// async fn job() {
///     step().await;
///     std::future::ready(()).await;
///     step().await;
/// }
///
/// let sink = Arc::new(MemorySink::new());
/// let _scope = audit::scoped_sink(sink.clone());
/// // Any executor; here a single poll, as nothing waits.
/// let mut task = std::pin::pin!(audit::with_actor_async("alice", job()));
/// let mut context = std::task::Context::from_waker(std::task::Waker::noop());
/// assert!(std::future::Future::poll(task.as_mut(), &mut context).is_ready());
/// assert!(sink.lines().iter().all(|line| line.contains(r#""actor":"alice""#)));
/// ```
pub fn with_actor_async<F: Future>(actor: &str, future: F) -> WithActor<F> {
    WithActor {
        actor: Arc::from(actor),
        future,
    }
}

/// A future with an actor; see [`with_actor_async`].
pub struct WithActor<F> {
    actor: Arc<str>,
    future: F,
}

impl<F: Future> Future for WithActor<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        // SAFETY: `future` is pinned structurally, as in `Observed::poll`: never moved,
        // no `Drop` of `WithActor`, `Unpin` only when `F` is.
        let this = unsafe { self.get_unchecked_mut() };
        // SAFETY: see above.
        let future = unsafe { Pin::new_unchecked(&mut this.future) };
        let _restore = super::ActorScope::enter(this.actor.clone());
        future.poll(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pending once, then ready; holds a heap value so Miri sees it used in place.
    struct YieldOnce(Box<u32>, bool);

    impl Future for YieldOnce {
        type Output = u32;
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
            if self.1 {
                Poll::Ready(*self.0)
            } else {
                self.1 = true;
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        }
    }

    #[test]
    fn the_actor_is_set_around_each_poll_and_restored() {
        let mut task = Box::pin(with_actor_async("ann", async {
            let first = super::super::actor();
            let value = YieldOnce(Box::new(7), false).await;
            (first, super::super::actor(), value)
        }));
        let mut context = Context::from_waker(std::task::Waker::noop());
        assert!(task.as_mut().poll(&mut context).is_pending());
        assert_eq!(super::super::actor(), None);
        let Poll::Ready((first, second, value)) = task.as_mut().poll(&mut context) else {
            std::panic!("ready on the second poll");
        };
        assert_eq!(
            (first.as_deref(), second.as_deref(), value),
            (Some("ann"), Some("ann"), 7)
        );
    }
}
